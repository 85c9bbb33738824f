// Shaping with HarfBuzz: text split into runs of one face, direction and script, each run shaped in
// the context of the whole text, the runs put in visual order.
#include "shaper.hpp"

#include <hb.h>

#include <memory>

#include "char_class.hpp"

namespace recto::text {

namespace {

// A stretch of text that one HarfBuzz call shapes.
struct Item {
  std::size_t begin = 0, end = 0;
  const FontFace* face = nullptr;
  std::uint8_t level = 0;
  hb_script_t script = HB_SCRIPT_UNKNOWN;
};

bool neutral(hb_script_t script) {
  return script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_UNKNOWN;
}

std::string cache_key(std::string_view text, const TextStyle& style) {
  std::string key = std::to_string(reinterpret_cast<std::uintptr_t>(style.face)) + "/" +
                    std::to_string(reinterpret_cast<std::uintptr_t>(style.family_face));
  key += style.bold ? 'b' : '-';
  key += style.italic ? 'i' : '-';
  key += style.lang;
  key += '\0';
  key += text;
  return key;
}

// Splits the text into items: a character goes to the primary face when it has it, else to a
// fallback face; marks and joiners stay with the character before them, spaces with the face before
// them when it has them; a change of face, bidi level or script starts a new item. Characters that
// no font has are listed in `missing` and go to the primary face.
std::vector<Item> itemize(std::string_view text, const TextStyle& style, FontLibrary& fonts,
                          std::vector<std::size_t>& missing) {
  std::vector<std::uint8_t> levels = bidi_levels(text, rtl_language(style.lang));
  hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
  std::vector<Item> items;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t begin = i;
    char32_t c = next_char(text, i);
    CharClass kind = classify(c);
    const FontFace* before = items.empty() ? nullptr : items.back().face;
    const FontFace* face = nullptr;
    if (kind == CharClass::ignorable) {
      face = before ? before : style.face;
    } else if (before &&
               (kind == CharClass::mark || (kind == CharClass::space && before->has_char(c)))) {
      face = before;
    } else if (style.face->has_char(c)) {
      face = style.face;
    } else if (style.family_face && style.family_face->has_char(c)) {
      face = style.family_face;
    } else {
      face = fonts.fallback(c, style.bold, style.italic, style.lang);
      if (!face) {
        missing.push_back(begin);
        face = style.face;
      }
    }
    hb_script_t script = hb_unicode_script(unicode, c);
    Item* last = items.empty() ? nullptr : &items.back();
    bool same_script =
        neutral(script) || (last && (neutral(last->script) || last->script == script));
    if (last && last->face == face && last->level == levels[begin] && same_script) {
      last->end = i;
      if (neutral(last->script)) last->script = script;
    } else {
      items.push_back({begin, i, face, levels[begin], script});
    }
  }
  return items;
}

// Shapes one item with kerning and standard ligatures, with the whole text as context, so that
// clusters are byte offsets into the whole text.
ShapedRun shape_item(hb_buffer_t* buffer, std::string_view text, const Item& item,
                     const std::string& lang) {
  static const hb_feature_t features[] = {
      {HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
      {HB_TAG('l', 'i', 'g', 'a'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
  };
  hb_buffer_clear_contents(buffer);
  hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()),
                     static_cast<unsigned>(item.begin), static_cast<int>(item.end - item.begin));
  bool rtl = item.level % 2 == 1;
  hb_buffer_set_direction(buffer, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  if (!neutral(item.script)) hb_buffer_set_script(buffer, item.script);
  if (!lang.empty()) hb_buffer_set_language(buffer, hb_language_from_string(lang.c_str(), -1));
  hb_buffer_guess_segment_properties(buffer);
  hb_shape(item.face->font, buffer, features, 2);

  ShapedRun run;
  run.face = item.face;
  run.begin = item.begin;
  run.end = item.end;
  run.rtl = rtl;
  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
  const hb_glyph_position_t* position = hb_buffer_get_glyph_positions(buffer, &count);
  run.glyphs.reserve(count);
  for (unsigned g = 0; g < count; ++g) {
    run.glyphs.push_back({info[g].codepoint, position[g].x_advance, position[g].x_offset,
                          position[g].y_offset, info[g].cluster});
  }
  return run;  // HarfBuzz gives right-to-left glyphs in visual order already
}

}  // namespace

double ShapedRun::width(double size) const {
  if (!face) return 0;
  std::int64_t units = 0;
  for (const ShapedGlyph& g : glyphs) units += g.advance;
  return static_cast<double>(units) * size / face->upem;
}

const ShapedText& Shaper::shape(std::string_view text, const TextStyle& style) {
  std::string key = cache_key(text, style);
  auto cached = cache_.find(key);
  if (cached != cache_.end()) return cached->second;
  ShapedText& shaped = cache_[key];

  std::vector<Item> items = itemize(text, style, fonts_, shaped.missing);
  std::vector<std::uint8_t> levels;
  for (const Item& item : items) levels.push_back(item.level);
  std::unique_ptr<hb_buffer_t, void (*)(hb_buffer_t*)> buffer(hb_buffer_create(),
                                                              hb_buffer_destroy);
  for (int logical : visual_order(levels)) {
    shaped.runs.push_back(shape_item(buffer.get(), text, items[logical], style.lang));
  }
  return shaped;
}

}  // namespace recto::text
