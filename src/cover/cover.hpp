// The generated cover: title, subtitle and author set on a plain ground, as a PNG.
#pragma once

#include <string>
#include <vector>

#include "font_library.hpp"

namespace recto::cover {

struct CoverText {
  std::string title, subtitle;
  std::vector<std::string> authors;
  std::string lang;
};

// A 1600 × 2560 palette PNG (4-bit indexed, 16 levels of the ink on the ground), or "" when no font
// can be found. Deterministic: the same text gives the same bytes.
std::string generated_cover(const CoverText& text, text::FontLibrary& fonts);

}  // namespace recto::cover
