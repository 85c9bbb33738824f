// The faces a theme names, found once: body and heading families in their four styles, and mono.
#pragma once

#include "diagnostics.hpp"
#include "font_library.hpp"
#include "stylesheet.hpp"

namespace recto::typeset {

enum class Family { body, heading, mono };

struct FontSet {
  text::FontLibrary* library = nullptr;
  // [family][bold][italic]
  const text::FontFace* faces[3][2][2] = {};

  const text::FontFace* face(Family f, bool bold, bool italic) const {
    return faces[static_cast<int>(f)][bold][italic];
  }
};

// Finds every face of the theme's families; a family that is not installed is an error naming it and
// the Debian package that has it. Returns false after an error.
bool find_fonts(const style::StyleSheet& sheet, text::FontLibrary& library, FontSet& out, Diagnostics& diags);

}  // namespace recto::typeset
