// The Unicode bidirectional algorithm through ICU: embedding levels per UTF-8 byte, visual order.
#include <unicode/ubidi.h>
#include <unicode/uloc.h>
#include <unicode/utf16.h>

#include <memory>

#include "char_class.hpp"
#include "shaper.hpp"

namespace recto::text {

namespace {

// Whether the text has no character that could take a level above 0 in a left-to-right paragraph:
// no right-to-left letter or Arabic digit (none below U+0590) and no embedding control (general
// punctuation has RLM and the embeddings; quotes and dashes are neutral).
bool all_left_to_right(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = next_char(text, i);
    if (c < 0x590) continue;
    if (c >= 0x2000 && c <= 0x205F && c != 0x200F && !(c >= 0x202A && c <= 0x202E)) continue;
    return false;
  }
  return true;
}

}  // namespace

bool rtl_language(const std::string& lang) {
  // Asked for every new word in the same language or two: ICU parses the tag each time.
  thread_local std::string last_lang;
  thread_local bool last_rtl = false, known = false;
  if (!known || lang != last_lang) {
    last_rtl = !lang.empty() && uloc_isRightToLeft(lang.c_str());
    last_lang = lang;
    known = true;
  }
  return last_rtl;
}

std::vector<std::uint8_t> bidi_levels(std::string_view paragraph, bool rtl_paragraph) {
  if (!rtl_paragraph && all_left_to_right(paragraph)) return std::vector<std::uint8_t>(paragraph.size(), 0);
  // ICU works in UTF-16: remember where each character's first code unit is.
  std::vector<UChar> units;
  std::vector<std::int32_t> unit_of_byte(paragraph.size());
  for (std::size_t i = 0; i < paragraph.size();) {
    std::size_t start = i;
    char32_t c = next_char(paragraph, i);
    for (std::size_t b = start; b < i; ++b)
      unit_of_byte[b] = static_cast<std::int32_t>(units.size());
    UChar pair[2];
    std::int32_t length = 0;
    U16_APPEND_UNSAFE(pair, length, static_cast<UChar32>(c));
    units.insert(units.end(), pair, pair + length);
  }
  std::vector<std::uint8_t> levels(paragraph.size(), rtl_paragraph ? 1 : 0);
  if (units.empty()) return levels;

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, void (*)(UBiDi*)> bidi(
      ubidi_openSized(static_cast<std::int32_t>(units.size()), 0, &status), ubidi_close);
  ubidi_setPara(bidi.get(), units.data(), static_cast<std::int32_t>(units.size()),
                rtl_paragraph ? UBIDI_RTL : UBIDI_LTR, nullptr, &status);
  const UBiDiLevel* unit_levels = ubidi_getLevels(bidi.get(), &status);
  if (U_FAILURE(status)) return levels;
  for (std::size_t b = 0; b < paragraph.size(); ++b) levels[b] = unit_levels[unit_of_byte[b]];
  return levels;
}

std::vector<int> visual_order(const std::vector<std::uint8_t>& levels) {
  std::vector<int> order(levels.size());
  if (!levels.empty()) {
    ubidi_reorderVisual(levels.data(), static_cast<std::int32_t>(levels.size()), order.data());
  }
  return order;
}

}  // namespace recto::text
