// Finding the theme's font families with fontconfig.
#include "font_set.hpp"

namespace recto::typeset {

bool find_fonts(const style::StyleSheet& sheet, text::FontLibrary& library, FontSet& out, Diagnostics& diags) {
  out.library = &library;
  const std::string* families[3] = {&sheet.body_font, &sheet.heading_font, &sheet.mono_font};
  const SourceSpan spans[3] = {sheet.body_font_at, sheet.heading_font_at, sheet.mono_font_at};
  bool ok = true;
  for (int f = 0; f < 3; ++f) {
    for (int bold = 0; bold < 2; ++bold) {
      for (int italic = 0; italic < 2; ++italic) {
        out.faces[f][bold][italic] = library.find({*families[f], bold == 1, italic == 1});
      }
    }
    if (!out.faces[f][0][0]) {
      std::string package = text::debian_package_for(*families[f]);
      diags.error(spans[f], "missing-font", "font family '" + *families[f] + "' of theme '" + sheet.name + "' is not installed",
                  package.empty() ? "install it, or name another family in the theme"
                                  : "install it: apt-get install " + package);
      ok = false;
    }
  }
  return ok;
}

}  // namespace recto::typeset
