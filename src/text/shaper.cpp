// Shaping with HarfBuzz: text split into runs of one face, direction and script, each run shaped in
// the context of the whole text, the runs put in visual order.
#include "shaper.hpp"

#include <hb.h>

#include <algorithm>

#include "char_class.hpp"
#include "line_breaks.hpp"

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

// shape_key's key, in a string whose memory is reused.
void make_cache_key(std::string_view text, const TextStyle& style, std::string& key) {
  key.clear();
  key.append(reinterpret_cast<const char*>(&style.face), sizeof style.face);
  key.append(reinterpret_cast<const char*>(&style.family_face), sizeof style.family_face);
  key += style.bold ? 'b' : '-';
  key += style.italic ? 'i' : '-';
  key += style.lang;
  key += '\0';
  key += text;
}

// Splits the text into items: a character goes to the primary face when it has it, else to a
// fallback face; marks and joiners stay with the character before them, spaces with the face before
// them when it has them; a change of face, bidi level or script starts a new item. Characters that
// no font has are listed in `missing` and go to the primary face.
template <typename Fallback>
std::vector<Item> itemize(std::string_view text, const TextStyle& style, const Fallback& fallback,
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
      face = fallback(c);
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

// Gives each cluster's text to its first glyph in reading order (for right-to-left runs, in visual
// order, the last one listed); the text runs to where the next cluster starts.
void assign_texts(ShapedRun& run, std::size_t text_size) {
  std::vector<std::uint32_t> starts;
  starts.reserve(run.glyphs.size());
  for (const ShapedGlyph& g : run.glyphs) starts.push_back(g.cluster);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  std::vector<bool> given(starts.size());
  const std::size_t n = run.glyphs.size();
  for (std::size_t k = 0; k < n; ++k) {
    ShapedGlyph& g = run.glyphs[run.rtl ? n - 1 - k : k];
    auto at = static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), g.cluster) - starts.begin());
    if (given[at]) continue;
    given[at] = true;
    std::size_t end = at + 1 < starts.size() ? starts[at + 1] : std::min(run.end, text_size);
    if (g.cluster < end && g.cluster < text_size) g.text_length = static_cast<std::uint32_t>(end - g.cluster);
  }
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
                          position[g].y_offset, info[g].cluster, 0});
    run.advance += position[g].x_advance;
  }
  assign_texts(run, text.size());
  return run;  // HarfBuzz gives right-to-left glyphs in visual order already
}

}  // namespace

double ShapedRun::width(double size) const {
  if (!face) return 0;
  return static_cast<double>(advance) * size / face->upem;
}

const FontFace* Shaper::fallback_face(char32_t c, const TextStyle& style) {
  // A face already chosen for a character of the same 256-character block is asked first, so that
  // the neighbours of a script or of a punctuation range come from one face.
  auto& chosen = fallback_blocks_[{c >> 8, style.bold, style.italic, style.lang}];
  if (chosen && chosen->has_char(c)) return chosen;
  const FontFace* face = fonts_.fallback(c, style.bold, style.italic, style.lang);
  if (face && !chosen) chosen = face;
  return face;
}

std::string shape_key(std::string_view text, const TextStyle& style) {
  std::string key;
  make_cache_key(text, style, key);
  return key;
}

const ShapedText* ShapeCache::find(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = shapes_.find(key);
  if (found == shapes_.end()) return nullptr;
  found->second.found = true;
  return found->second.shaped;
}

const ShapedText& ShapeCache::keep(std::string key, const TextStyle& style, ShapedText shaped) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto [at, added] = shapes_.try_emplace(std::move(key), Kept{style});
  if (added) at->second.shaped = &own_.emplace_back(std::move(shaped));
  return *at->second.shaped;
}

void ShapeCache::lend(const TextStyle& style, const ShapedText& shaped) {
  std::string key = shape_key(shaped.text, style);
  std::lock_guard<std::mutex> lock(mutex_);
  shapes_.try_emplace(std::move(key), Kept{style, &shaped, true});
}

Shaper::KnownStyle& Shaper::known(const TextStyle& style) {
  if (last_style_ && last_style_->style == style) return *last_style_;
  auto found = std::find_if(known_.begin(), known_.end(), [&](const KnownStyle& k) { return k.style == style; });
  last_style_ = found != known_.end() ? &*found : &known_.emplace_back(KnownStyle{style, {}});
  return *last_style_;
}

const ShapedText& Shaper::shape(std::string_view text, const TextStyle& style) {
  ShapedByText& texts = known(style).texts;
  if (const ShapedText* found = texts.find(text)) return *found;
  make_cache_key(text, style, key_);
  const ShapedText* result = shared_ ? shared_->find(key_) : nullptr;
  if (!result) result = &shape_new(text, style, key_);
  texts.add(*result);
  return *result;
}

const ShapedText& Shaper::shape_new(std::string_view text, const TextStyle& style, const std::string& key) {
  ShapedText shaped;
  shaped.text = text;
  bool fell_back = false;  // then the faces chosen depend on what this Shaper shaped before
  auto fallback = [&](char32_t c) {
    fell_back = true;
    return fallback_face(c, style);
  };
  std::vector<Item> items = itemize(text, style, fallback, shaped.missing);
  std::vector<std::uint8_t> levels;
  for (const Item& item : items) levels.push_back(item.level);
  for (int logical : visual_order(levels)) {
    shaped.runs.push_back(shape_item(buffer_.get(), text, items[logical], style.lang));
  }
  shaped.breaks = break_opportunities(text, style.lang);
  if (hyphenator_) shaped.hyphens = hyphenator_->points(text, style.lang);
  if (shared_ && !fell_back) return shared_->keep(key, style, std::move(shaped));
  return own_.emplace_back(std::move(shaped));
}

}  // namespace recto::text
