// One font file opened with HarfBuzz: what shaping, measuring and embedding need to know of it.
#pragma once

#include <hb.h>

#include <memory>
#include <string>

namespace recto::text {

class FontFace {
 public:
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  // Opens face `index` of a font file; nullptr when it is not a font HarfBuzz can read.
  static std::unique_ptr<FontFace> open(const std::string& path, unsigned index = 0);

  std::string path;
  unsigned index = 0;
  std::string family, postscript_name;
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;  // scaled to units per em: advances come in font units
  unsigned upem = 1000;
  bool cff = false;  // outlines in a 'CFF ' table (OpenType/CFF); else TrueType 'glyf'
  bool bold = false, italic = false, fixed_pitch = false;

  // Metrics in font units, for the PDF FontDescriptor and for line spacing.
  int ascender = 0, descender = 0, cap_height = 0, x_height = 0;
  int bbox[4] = {0, 0, 0, 0};  // xMin yMin xMax yMax of the head table
  double italic_angle = 0;

  bool has_char(char32_t c) const;
  // The advance of a glyph in font units.
  int advance(unsigned glyph) const;

 private:
  FontFace() = default;
};

}  // namespace recto::text
