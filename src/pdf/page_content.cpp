// Rules as filled rectangles, then each glyph run in its font.
#include "page_content.hpp"

#include "pdf_syntax.hpp"

namespace recto::pdf {

std::string page_content(const typeset::Page& page, const FontResources& fonts) {
  std::string out;
  for (const typeset::Rule& rule : page.rules) {
    out += pdf_number(rule.x) + " " + pdf_number(rule.y) + " " + pdf_number(rule.width) + " " +
           pdf_number(rule.height) + " re f\n";
  }
  for (const typeset::GlyphRun& run : page.runs)
    out += glyph_run_operators(run, fonts.at(run.face));
  return out;
}

}  // namespace recto::pdf
