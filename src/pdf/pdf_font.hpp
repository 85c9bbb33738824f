// A face as the PDF embeds it: a renumbered subset with its names, widths, metrics and ToUnicode
// map.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "font_usage.hpp"

namespace recto::pdf {

struct PdfFont {
  std::string base_font;  // the PostScript name behind a subset tag: "KQXWBE+EBGaramond12-Regular"
  bool cff = false;       // a CIDFontType0 over a bare CFF table; else a CIDFontType2 over TrueType
  std::string program;    // /FontFile3 (CFF) or /FontFile2 (TrueType) contents, zlib-deflated
  std::size_t program_length = 0;  // before deflating
  std::vector<double> widths;  // advance of each subset glyph, in 1/1000 em
  std::string to_unicode;      // the CMap program, zlib-deflated

  // FontDescriptor values, in 1/1000 em but for the angle (degrees) and the flags.
  int flags = 0;
  int bbox[4] = {0, 0, 0, 0};
  int ascent = 0, descent = 0, cap_height = 0, stem_v = 0;
  double italic_angle = 0;

  // By the face's glyph id, up to the highest the document uses (looked up for every glyph set):
  std::vector<std::uint32_t> code;  // the glyph's code in the PDF
  std::vector<std::uint32_t> text;  // its ToUnicode text, as an index in `texts` (a CJK face has tens
                                    // of thousands of ids: four bytes each, not a string)
  std::vector<std::string> texts{""};  // the glyphs' texts, "" (none) first
};

// Subsets the face (hb-subset, or the subset memo) and describes the result; the streams are
// compressed here, on the thread that makes the font. The subset tag is derived from the name
// and the glyph set, so the same document always gets the same tag.
PdfFont make_pdf_font(const FontUsage& usage);

}  // namespace recto::pdf
