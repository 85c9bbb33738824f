// Setting a line: the glue ratio, glyph positions, one glyph run per face and size, link areas; and
// the line without its glyphs, as the page builder weighs other settings.
#include "line_composer.hpp"

#include <algorithm>

namespace recto::typeset {

namespace {

// The text a glyph of the box's word stands for.
std::string_view glyph_text(const Box& box, const text::ShapedGlyph& glyph) {
  if (glyph.text_length == 0) return {};
  return std::string_view(box.shaped->text).substr(glyph.cluster, glyph.text_length);
}

struct RunBuilder {
  Slice& slice;
  GlyphRun* current = nullptr;
  double current_raise = 0;
  double expansion = 1;  // the line's glyph scale
  std::size_t glyphs_left = 0;  // at most, on the rest of the line: a new run makes room for them

  void glyph(const text::FontFace* face, double size, double raise, double x, std::uint32_t id, double y_offset,
             std::string_view text, Anchor anchor) {
    if (!current || current->face != face || current->size != size || current_raise != raise || y_offset != 0) {
      slice.runs.push_back({});
      current = &slice.runs.back();
      current->anchor = anchor;
      current->expansion = raise == 0 ? expansion : 1;
      current->face = face;
      current->size = size;
      current->x = x;
      current->y = raise + y_offset;
      current_raise = raise;
      current->glyphs.reserve(glyphs_left);
      current->text.reserve(glyphs_left);
    }
    if (glyphs_left > 0) --glyphs_left;
    current->add_glyph(id, x - current->x, text);
    if (y_offset != 0) current = nullptr;  // a mark moved up or down stands alone
  }

  // Glyphs [begin, end) of one of a box's shaped runs, from pen position x at `scale` pt a font
  // unit; the pen after them. The same as glyph() for each, but a word whose glyphs stand on the
  // baseline and stand for one stretch of its text in order (all but reordered marks) has that text
  // appended at once: composing lines is most of a book's layout after shaping.
  double word(const Box& box, const text::ShapedRun& run, std::size_t begin, std::size_t end, double x, double scale) {
    if (begin == end) return x;
    std::size_t from = std::string::npos, to = 0;
    for (std::size_t g = begin; g < end; ++g) {
      const text::ShapedGlyph& glyph = run.glyphs[g];
      if (glyph.y_offset != 0 || (glyph.text_length != 0 && from != std::string::npos && glyph.cluster != to)) {
        return glyph_by_glyph(box, run, begin, end, x, scale);
      }
      if (glyph.text_length == 0) continue;
      if (from == std::string::npos) from = glyph.cluster;
      to = glyph.cluster + glyph.text_length;
    }
    if (from == std::string::npos) from = to;
    const text::ShapedGlyph& first = run.glyphs[begin];
    glyph(run.face, box.size, box.raise, x + first.x_offset * scale, first.id, 0, {}, box.anchor);
    GlyphRun& out = *current;
    const std::size_t start = out.text.size();  // where the word's text goes
    auto end_of = [&](const text::ShapedGlyph& g) {
      return static_cast<std::uint32_t>(start + g.cluster + g.text_length - from);
    };
    out.text.append(box.shaped->text, from, to - from);
    if (first.text_length != 0) out.glyphs.back().text_end = end_of(first);
    std::uint32_t text_end = out.glyphs.back().text_end;
    x += first.advance * scale;
    for (std::size_t g = begin + 1; g < end; ++g) {
      const text::ShapedGlyph& glyph = run.glyphs[g];
      if (glyph.text_length != 0) text_end = end_of(glyph);
      out.glyphs.push_back({glyph.id, text_end, x + glyph.x_offset * scale - out.x});
      x += glyph.advance * scale;
    }
    glyphs_left -= std::min(glyphs_left, end - begin - 1);
    return x;
  }

 private:
  double glyph_by_glyph(const Box& box, const text::ShapedRun& run, std::size_t begin, std::size_t end, double x,
                        double scale) {
    for (std::size_t g = begin; g < end; ++g) {
      const text::ShapedGlyph& glyph = run.glyphs[g];
      this->glyph(run.face, box.size, box.raise, x + glyph.x_offset * scale, glyph.id, glyph.y_offset * scale,
                  glyph_text(box, glyph), box.anchor);
      x += glyph.advance * scale;
    }
    return x;
  }
};

// How many glyphs the line may set: its boxes' glyphs, a space per glue, and a hyphen.
std::size_t glyph_count(const Items& items, const LineBreak& line) {
  std::size_t n = 1;
  for (std::size_t i = line.begin; i < line.end; ++i) {
    const Item& it = items[i];
    if (it.kind != Item::box) {
      ++n;
      continue;
    }
    if (!it.content.shaped) continue;
    for (const auto& run : it.content.shaped->runs) {
      n += std::min(it.content.glyph_end, run.glyphs.size()) - std::min(it.content.glyph_begin, run.glyphs.size());
    }
  }
  return n;
}

bool right_to_left(const Item& it) {
  if (it.kind != Item::box || !it.content.shaped || it.content.shaped->runs.empty()) return false;
  for (const auto& run : it.content.shaped->runs) {
    if (!run.rtl) return false;
  }
  return true;
}

// The line's items from left to right: words of a right-to-left language (and the spaces between
// them) reversed by ICU's bidi reordering, in a left-to-right paragraph.
std::vector<std::size_t> visual_order_of(const Items& items, const LineBreak& line) {
  std::vector<std::size_t> order;
  order.reserve(line.end - line.begin);
  // Most lines hold no right-to-left word, and keep their logical order.
  auto rtl_box = [&](std::size_t i) { return items[i].kind == Item::box && right_to_left(items[i]); };
  bool any = false;
  for (std::size_t i = line.begin; i < line.end && !any; ++i) any = rtl_box(i);
  if (!any) {
    for (std::size_t i = line.begin; i < line.end; ++i) order.push_back(i);
    return order;
  }
  std::vector<std::uint8_t> levels;
  levels.reserve(line.end - line.begin);
  for (std::size_t i = line.begin; i < line.end; ++i) {
    bool rtl = right_to_left(items[i]);
    if (items[i].kind != Item::box) {
      rtl = i > line.begin && i + 1 < line.end && right_to_left(items[i - 1]) && right_to_left(items[i + 1]);
    }
    levels.push_back(rtl ? 1 : 0);
  }
  for (int logical : text::visual_order(levels)) order.push_back(line.begin + static_cast<std::size_t>(logical));
  return order;
}

// The hyphen at the end of a line broken inside a word: the word's face's hyphen glyph, whose text is a
// soft hyphen, so that copied text joins the word again.
void add_hyphen(const Items& items, const LineBreak& line, RunBuilder& runs, double x) {
  for (std::size_t i = line.end; i-- > line.begin;) {
    const Item& it = items[i];
    if (it.kind != Item::box || !it.content.shaped || it.content.shaped->runs.empty()) continue;
    const text::ShapedRun& run = it.content.shaped->runs.back();
    if (const unsigned hyphen = run.face->glyph('-')) {
      runs.glyph(run.face, it.content.size, it.content.raise, x, hyphen, 0, "\u00AD", it.content.anchor);
    }
    return;
  }
}

// How far a character at a line's edge may hang into the margin, as a share of its width
// (after microtype's defaults for text fonts).
double protrusion_share(std::string_view c) {
  if (c == "." || c == "," || c == "-" || c == "\u00AD") return 0.6;
  if (c == ":" || c == ";") return 0.4;
  if (c == "\u201C" || c == "\u201D" || c == "\u2018" || c == "\u2019" || c == "\"" || c == "'") return 0.7;
  if (c == "\u2013") return 0.4;
  if (c == "\u2014") return 0.25;
  return 0;
}

// The protrusion (pt) of the line's first glyph into the left margin and of its last into the right.
std::pair<double, double> protrusions(const Items& items, const LineBreak& line, bool hyphenated) {
  auto edge_glyph = [&](const Box& box, bool last, std::string_view& text) -> double {
    if (!box.shaped || box.shaped->runs.empty()) return 0;
    const text::ShapedRun& run = last ? box.shaped->runs.back() : box.shaped->runs.front();
    std::size_t end = std::min(box.glyph_end, run.glyphs.size());
    if (end <= box.glyph_begin) return 0;
    std::size_t g = last ? end - 1 : box.glyph_begin;
    text = glyph_text(box, run.glyphs[g]);
    return run.glyphs[g].advance * box.size / run.face->upem;
  };
  double left = 0, right = 0;
  for (std::size_t i = line.begin; i < line.end; ++i) {
    if (items[i].kind != Item::box) continue;
    std::string_view text;
    double width = edge_glyph(items[i].content, false, text);
    left = protrusion_share(text) * width;
    break;
  }
  for (std::size_t i = line.end; i-- > line.begin;) {
    if (items[i].kind != Item::box) continue;
    if (hyphenated) {
      right = protrusion_share("-") * items[line.end].width;
    } else {
      std::string_view text;
      double width = edge_glyph(items[i].content, true, text);
      right = protrusion_share(text) * width;
    }
    break;
  }
  return {left, right};
}

// A line's slice before its content: the leading's height, the baseline at 78 % of it.
Slice empty_line(double height) {
  Slice slice;
  slice.height = height;
  slice.baseline = height * 0.78;
  return slice;
}

// The line ends at a hyphenation point: a hyphen is set there.
bool ends_hyphenated(const Items& items, const LineBreak& line) {
  const Item* break_item = line.end < items.size() ? &items[line.end] : nullptr;
  return break_item && break_item->kind == Item::penalty && break_item->flagged;
}

}  // namespace

Slice outline_line(const Items& items, const LineBreak& line, const LineFrame& frame) {
  Slice slice = empty_line(frame.height);
  for (std::size_t i : visual_order_of(items, line)) {
    const Item& it = items[i];
    if (it.kind != Item::box) continue;
    if (it.content.id) slice.ids.push_back(*it.content.id);
    if (it.content.note) slice.notes.push_back(*it.content.note);
  }
  slice.hyphenated = ends_hyphenated(items, line);
  return slice;
}

Slice compose_line(const Items& items, const LineBreak& line, const LineFrame& given) {
  double natural = 0, stretch = 0, shrink = 0, words = 0;
  for (std::size_t i = line.begin; i < line.end; ++i) {
    // A penalty's width (a hyphen) counts only when the line breaks there; expansion glue stands for
    // the words' own width, counted below.
    if (items[i].kind == Item::penalty || (items[i].kind == Item::glue && items[i].expansion)) continue;
    natural += items[i].width;
    if (items[i].kind == Item::glue) {
      stretch += items[i].stretch;
      shrink += items[i].shrink;
    }
    if (items[i].kind == Item::box && items[i].content.raise == 0) words += items[i].width;
  }
  const bool hyphenated = ends_hyphenated(items, line);
  if (hyphenated) natural += items[line.end].width;
  // Margin protrusion: punctuation at either end hangs partly into the margin, so that the edges look
  // straight; the line is that much longer.
  LineFrame frame = given;
  if (frame.protrusion && frame.align == Align::justify) {
    auto [left, right] = protrusions(items, line, hyphenated);
    frame.x -= left;
    frame.measure += left + (line.forced ? 0 : right);
  }
  // The line is justified by widening or narrowing its glyphs, within ±frame.expansion (pdfTeX's font
  // expansion), and then by its spaces: the glyphs take the first share, so that spaces stay near
  // their natural width.
  double ratio = 0, expansion = 0;
  const double capacity = words * frame.expansion;
  const bool justify = frame.align == Align::justify && !line.forced;
  if (justify || natural > frame.measure) {
    double gap = frame.measure - natural;
    if (capacity > 0 && (justify || gap < 0)) {
      double share = std::clamp(gap / capacity, -1.0, 1.0);
      expansion = share * frame.expansion;
      gap -= share * capacity;
    }
    if (gap > 0 && justify && stretch > 0) ratio = std::min(gap / stretch, 3.0);  // looser would open holes
    if (gap < 0 && shrink > 0) ratio = std::max(gap / shrink, -1.0);
  }
  double set_width = natural + words * expansion + (ratio > 0 ? ratio * stretch : ratio * shrink);
  double x = frame.x;
  if (frame.align == Align::center) x += (frame.measure - set_width) / 2;
  if (frame.align == Align::right) x += frame.measure - set_width;

  Slice slice = empty_line(frame.height);
  RunBuilder runs{slice, nullptr, 0, 1 + expansion, glyph_count(items, line)};
  const Box* link_box = nullptr;
  double link_start = 0;
  auto close_link = [&](double end) {
    if (!link_box) return;
    const std::string& link = *link_box->link;
    bool internal = link[0] == '#';
    LinkArea area{link_start, -0.25 * link_box->size, end - link_start, 1.05 * link_box->size + link_box->raise,
                  internal ? "" : link, -1, 0, ""};
    slice.links.push_back(area);
    slice.link_targets.push_back(internal ? link : "");
    link_box = nullptr;
  };
  for (std::size_t i : visual_order_of(items, line)) {
    const Item& it = items[i];
    if (it.kind == Item::penalty) continue;
    if (it.kind == Item::glue) {
      if (it.expansion) continue;
      double w = it.width + (ratio > 0 ? ratio * it.stretch : ratio * it.shrink);
      // A space glyph at the glue's start, so that text extraction sees the space; its width is the
      // glue's, set by the next glyph's position.
      const Box* before = i > line.begin && items[i - 1].kind == Item::box ? &items[i - 1].content : nullptr;
      std::size_t next = i + 1;
      while (next < line.end && items[next].kind == Item::glue && items[next].expansion) ++next;
      const Box* after = next < line.end && items[next].kind == Item::box ? &items[next].content : nullptr;
      if (!it.invisible && before && after && before->shaped && !before->shaped->runs.empty() && runs.current) {
        const auto& run = before->shaped->runs.back();
        if (const unsigned space = run.face->glyph(' ')) {
          runs.glyph(run.face, before->size, before->raise, x, space, 0, " ", before->anchor);
        }
      }
      if (link_box && !(after && after->link == link_box->link)) close_link(x);
      x += w;
      continue;
    }
    const Box& box = it.content;
    if (box.id) slice.ids.push_back(*box.id);
    if (box.note) slice.notes.push_back(*box.note);
    if (link_box && box.link != link_box->link) close_link(x);
    if (box.link && !link_box) {
      link_box = &box;
      link_start = x;
    }
    if (box.shaped) {
      const double widen = box.raise == 0 ? 1 + expansion : 1;
      for (const auto& run : box.shaped->runs) {
        double scale = box.size / run.face->upem * widen;
        std::size_t last = std::min(box.glyph_end, run.glyphs.size());
        x = runs.word(box, run, std::min(box.glyph_begin, last), last, x, scale);
      }
    } else {
      x += box.width;
    }
  }
  close_link(x);
  if (hyphenated) add_hyphen(items, line, runs, x);
  slice.hyphenated = hyphenated;
  return slice;
}

}  // namespace recto::typeset
