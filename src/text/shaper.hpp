// Shaping with HarfBuzz (kerning and standard ligatures on), per word, cached; per-character
// fallback to faces that have the character; bidi levels from ICU for reordering lines.
#pragma once

#include <hb.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "font_library.hpp"

namespace recto::text {

struct ShapedGlyph {
  std::uint32_t id = 0;
  std::int32_t advance = 0;                 // font units
  std::int32_t x_offset = 0, y_offset = 0;  // font units
  std::uint32_t cluster = 0;  // byte offset in the shaped text where the glyph's characters start
  // How many bytes of text from `cluster` the glyph stands for: all of a ligature's letters on its
  // glyph, 0 on the later glyphs of one cluster.
  std::uint32_t text_length = 0;
};

// Glyphs of one face, in visual (left-to-right) order.
struct ShapedRun {
  const FontFace* face = nullptr;
  std::size_t begin = 0, end = 0;  // the bytes of the text this run sets
  bool rtl = false;
  std::vector<ShapedGlyph> glyphs;
  double width(double size) const;  // in pt at `size` pt
};

struct ShapedText {
  std::string text;                  // what was shaped: glyphs' clusters are offsets into it
  std::vector<ShapedRun> runs;       // visual order within the text
  std::vector<std::size_t> missing;  // byte offsets of characters that no installed font has
};

struct TextStyle {
  const FontFace* face = nullptr;  // the primary face
  const FontFace* family_face = nullptr;  // tried before other fallbacks: the family's upright face, whose
                                          // quotes and dashes match (EB Garamond Bold has none)
  bool bold = false, italic = false;
  std::string lang;  // BCP 47 of the text ("en", "zh", "ar")
};

class Shaper {
 public:
  explicit Shaper(FontLibrary& fonts) : fonts_(fonts), buffer_(hb_buffer_create(), hb_buffer_destroy) {}

  // Shapes a short text (a word, or a run without line breaks) in the style: characters the primary
  // face lacks go to fallback faces, one run per face, direction and script; a missing character is
  // listed and set as the primary face's .notdef. Results are cached by (face, style, language,
  // text); the reference stays valid as long as the Shaper.
  const ShapedText& shape(std::string_view text, const TextStyle& style);

 private:
  FontLibrary& fonts_;
  std::unique_ptr<hb_buffer_t, void (*)(hb_buffer_t*)> buffer_;  // reused for every text shaped
  std::unordered_map<std::string, ShapedText> cache_;
};

// Whether a language (BCP 47) is written right to left: "ar", "he", "fa", "ur", "yi", …
bool rtl_language(const std::string& lang);

// ICU bidi: the embedding level of each byte of a paragraph's text (even: left to right, odd: right
// to left) in a paragraph whose direction its language gives (rtl_language).
std::vector<std::uint8_t> bidi_levels(std::string_view paragraph, bool rtl_paragraph);

// The visual order of items on a line from their levels (ubidi_reorderVisual): out[i] is the
// logical index of the item shown i-th from the left.
std::vector<int> visual_order(const std::vector<std::uint8_t>& levels);

}  // namespace recto::text
