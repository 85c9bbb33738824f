// Opening fonts with HarfBuzz and reading the metrics the PDF needs from their tables.
#include "font_face.hpp"

#include <hb-ot.h>

namespace recto::text {

namespace {

std::string name_entry(hb_face_t* face, hb_ot_name_id_t id) {
  unsigned size = 256;
  char buffer[256];
  unsigned n = hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &size, buffer);
  return n ? std::string(buffer, size) : std::string();
}

int16_t read_i16(const char* p) {
  return static_cast<int16_t>((static_cast<uint8_t>(p[0]) << 8) | static_cast<uint8_t>(p[1]));
}

}  // namespace

FontFace::~FontFace() {
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
}

std::unique_ptr<FontFace> FontFace::open(const std::string& path, unsigned index) {
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) return nullptr;
  std::unique_ptr<FontFace> f(new FontFace());
  f->blob = blob;
  f->path = path;
  f->index = index;
  f->face = hb_face_create(blob, index);
  if (hb_face_get_glyph_count(f->face) == 0) return nullptr;
  f->upem = hb_face_get_upem(f->face);
  f->font = hb_font_create(f->face);
  hb_font_set_scale(f->font, static_cast<int>(f->upem), static_cast<int>(f->upem));
  for (char32_t c = 0; c < f->ascii_.size(); ++c) {
    hb_codepoint_t glyph = 0;
    if (hb_font_get_nominal_glyph(f->font, c, &glyph)) f->ascii_[c] = glyph;
  }
  hb_blob_t* cff = hb_face_reference_table(f->face, HB_TAG('C', 'F', 'F', ' '));
  f->cff = hb_blob_get_length(cff) > 0;
  hb_blob_destroy(cff);
  f->family = name_entry(f->face, HB_OT_NAME_ID_FONT_FAMILY);
  f->postscript_name = name_entry(f->face, HB_OT_NAME_ID_POSTSCRIPT_NAME);

  hb_position_t v = 0;
  if (hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v))
    f->ascender = v;
  if (hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v))
    f->descender = v;
  if (hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v)) f->cap_height = v;
  if (hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_X_HEIGHT, &v)) f->x_height = v;
  f->italic_angle = hb_style_get_value(f->font, HB_STYLE_TAG_SLANT_ANGLE);
  f->italic = hb_style_get_value(f->font, HB_STYLE_TAG_ITALIC) > 0.5f;
  f->bold = hb_style_get_value(f->font, HB_STYLE_TAG_WEIGHT) >= 600.f;

  hb_blob_t* head = hb_face_reference_table(f->face, HB_TAG('h', 'e', 'a', 'd'));
  unsigned length = 0;
  const char* data = hb_blob_get_data(head, &length);
  if (length >= 44) {
    for (int i = 0; i < 4; ++i) f->bbox[i] = read_i16(data + 36 + 2 * i);
  }
  hb_blob_destroy(head);
  hb_blob_t* post = hb_face_reference_table(f->face, HB_TAG('p', 'o', 's', 't'));
  data = hb_blob_get_data(post, &length);
  if (length >= 16) f->fixed_pitch = data[12] || data[13] || data[14] || data[15];
  hb_blob_destroy(post);
  return f;
}

unsigned FontFace::glyph(char32_t c) const {
  if (c < ascii_.size()) return ascii_[c];
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(font, c, &glyph) ? glyph : 0;
}

int FontFace::advance(unsigned glyph) const {
  return hb_font_get_glyph_h_advance(font, glyph);
}

}  // namespace recto::text
