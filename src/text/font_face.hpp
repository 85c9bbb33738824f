// One font file opened with HarfBuzz: what shaping, measuring and embedding need to know of it.
#pragma once

#include <hb.h>

#include <array>
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

  // The glyph the face maps the character to; 0 when it has none. ASCII is looked up once, when the
  // face opens: every line asks for its spaces and hyphens, every new word for its letters.
  unsigned glyph(char32_t c) const;
  bool has_char(char32_t c) const { return glyph(c) != 0; }
  // The advance of a glyph in font units.
  int advance(unsigned glyph) const;

 private:
  FontFace() = default;
  std::array<unsigned, 128> ascii_{};  // the glyph of each ASCII character
};

}  // namespace recto::text
