// Shaping with HarfBuzz (kerning and standard ligatures on), per word, cached; per-character
// fallback to faces that have the character; bidi levels from ICU for reordering lines.
#pragma once

#include <hb.h>

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "font_library.hpp"
#include "hyphenator.hpp"
#include "shaped_by_text.hpp"

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
  std::int64_t advance = 0;  // the glyphs' advances added up, in font units
  double width(double size) const;  // in pt at `size` pt
};

struct ShapedText {
  std::string text;                  // what was shaped: glyphs' clusters are offsets into it
  std::vector<ShapedRun> runs;       // visual order within the text
  std::vector<std::size_t> missing;  // byte offsets of characters that no installed font has
  // Byte offsets where a line may break inside the text (break_opportunities), and where it may be
  // hyphenated (the Shaper's Hyphenator's points; none without one), in the style's language.
  std::vector<std::size_t> breaks, hyphens;
};

struct TextStyle {
  const FontFace* face = nullptr;  // the primary face
  const FontFace* family_face = nullptr;  // tried before other fallbacks: the family's upright face, whose
                                          // quotes and dashes match (EB Garamond Bold has none)
  bool bold = false, italic = false;
  std::string lang;  // BCP 47 of the text ("en", "zh", "ar")

  bool operator==(const TextStyle&) const = default;
};

// The shared cache's key of a text in a style: the faces' addresses, the style and the language,
// then the text.
std::string shape_key(std::string_view text, const TextStyle& style);

// Texts shaped by several Shapers (one per thread), each kept once: those set in their style's own
// faces, which come out the same whichever Shaper shapes them first. Safe to use from several threads.
class ShapeCache {
 public:
  // The text shaped under the key, or null.
  const ShapedText* find(const std::string& key) const;
  // Keeps the text shaped under the key (or what another thread kept under it first) and returns it.
  const ShapedText& keep(std::string key, const TextStyle& style, ShapedText shaped);
  // Offers a text shaped before (a ShapeMemo's, which outlives the cache) in its style.
  void lend(const TextStyle& style, const ShapedText& shaped);
  // Calls use(style, shaped, lent, found) for every text, lent or kept, in no particular order;
  // `found`: whether find has returned it.
  template <typename Use>
  void each(Use use) const {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [key, kept] : shapes_) use(kept.style, *kept.shaped, kept.lent, kept.found);
  }

 private:
  struct Kept {
    TextStyle style;
    const ShapedText* shaped = nullptr;
    bool lent = false;
    mutable bool found = false;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Kept> shapes_;
  std::deque<ShapedText> own_;  // the texts kept, not lent
};

class Shaper {
 public:
  // Shares what it shapes in its style's faces through `shared`, when given; finds hyphenation points
  // with `hyphenator`, when given.
  explicit Shaper(FontLibrary& fonts, ShapeCache* shared = nullptr, Hyphenator* hyphenator = nullptr)
      : fonts_(fonts), shared_(shared), hyphenator_(hyphenator), buffer_(hb_buffer_create(), hb_buffer_destroy) {}

  // Shapes a short text (a word, or a run without line breaks) in the style: characters the primary
  // face lacks go to fallback faces, one run per face, direction and script; a missing character is
  // listed and set as the primary face's .notdef. Results are cached by (face, style, language,
  // text); the reference stays valid as long as the Shaper and its ShapeCache.
  const ShapedText& shape(std::string_view text, const TextStyle& style);

 private:
  // The texts this Shaper has returned in one style: found again without making a cache key or
  // taking the shared cache's lock, which the threads would otherwise queue on once per word.
  struct KnownStyle {
    TextStyle style;
    ShapedByText texts;
  };
  // What this Shaper has returned in the style.
  KnownStyle& known(const TextStyle& style);
  // Shapes a text not shaped before under its cache key, and keeps it.
  const ShapedText& shape_new(std::string_view text, const TextStyle& style, const std::string& key);
  // The face for a character that the style's faces lack.
  const FontFace* fallback_face(char32_t c, const TextStyle& style);

  FontLibrary& fonts_;
  ShapeCache* shared_;
  Hyphenator* hyphenator_;
  std::unique_ptr<hb_buffer_t, void (*)(hb_buffer_t*)> buffer_;  // reused for every text shaped
  // The texts this Shaper keeps itself: all of them without a shared cache, else those that needed
  // fallback faces.
  std::deque<ShapedText> own_;
  // Every text this Shaper has returned, by style and then by text (see KnownStyle).
  std::deque<KnownStyle> known_;
  KnownStyle* last_style_ = nullptr;  // the style of the text shaped last: most often the next one's
  std::string key_;  // the shared cache's key of the text being looked up, its memory reused
  // The first fallback face found in a 256-character block, by block, style and language: kept by
  // the Shaper, so that what it chooses depends only on the texts it shaped before.
  std::map<std::tuple<char32_t, bool, bool, std::string>, const FontFace*> fallback_blocks_;
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
