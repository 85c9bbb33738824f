// Turning inlines into boxes, glue and penalties.
#include "inline_items.hpp"

#include "line_breaks.hpp"
#include "tree_walk.hpp"

namespace recto::typeset {

Item make_glue(double width, double stretch, double shrink) {
  Item g;
  g.kind = Item::glue;
  g.width = width;
  g.stretch = stretch;
  g.shrink = shrink;
  return g;
}

Item make_penalty(double cost) {
  Item p;
  p.kind = Item::penalty;
  p.cost = cost;
  return p;
}

const text::FontFace* ItemBuilder::face_for(const InlineStyle& style) const {
  return fonts_.face(style.family, style.bold, style.italic);
}

text::TextStyle ItemBuilder::text_style(const InlineStyle& style, const std::string& lang) const {
  const text::FontFace* upright = fonts_.face(style.family, false, style.italic);
  return {face_for(style), upright == face_for(style) ? nullptr : upright, style.bold, style.italic, lang};
}

double ItemBuilder::space_width(const InlineStyle& style) {
  const text::FontFace* face = face_for(style);
  for (const SpaceWidth& known : space_widths_) {
    if (known.face == face && known.size == style.size) return known.width;
  }
  const text::ShapedText& s = shaper_.shape(" ", text_style(style, style.lang));
  double w = 0;
  for (const auto& run : s.runs) w += run.width(style.size);
  space_widths_.push_back({face, style.size, w > 0 ? w : style.size / 4});
  return space_widths_.back().width;
}

const std::string* ItemBuilder::kept(const std::string& text) {
  return text.empty() ? nullptr : &*kept_.insert(text).first;
}

void ItemBuilder::add_word(const std::string& word, const InlineStyle& style, Anchor anchor, Items& out) {
  const std::string& lang = style.lang.empty() ? book_lang_ : style.lang;
  add_shaped(shaper_.shape(word, text_style(style, lang)), style, anchor, out);
}

void ItemBuilder::add_shaped(const text::ShapedText& shaped, const InlineStyle& style, Anchor anchor, Items& out) {
  Item item;
  item.content.shaped = &shaped;
  item.content.size = style.size;
  item.content.raise = style.raise;
  item.content.anchor = anchor;
  item.content.link = kept(style.link);
  for (const auto& run : shaped.runs) item.width += run.width(style.size);
  item.content.width = item.width;
  // Font expansion as glue before the word: never a break point, as only glue after a box is.
  bool after_space = out.empty() || (out.back().kind == Item::glue && !out.back().expansion && !out.back().invisible);
  if (options_.expansion > 0 && style.family != Family::mono && style.raise == 0 && after_space) {
    Item expansion = make_glue(0, item.width * options_.expansion, item.width * options_.expansion);
    expansion.expansion = true;
    out.push_back(expansion);
  }
  if (!shaped.hyphens.empty() && style.family != Family::mono && style.raise == 0 && style.link.empty() &&
      shaped.runs.size() == 1 && !shaped.runs[0].rtl) {
    add_pieces(shaped, std::move(item), out);
    return;
  }
  out.push_back(std::move(item));
}

// A word with hyphenation points as pieces of its one shaped run, split where a glyph starts exactly
// at the point (never inside a ligature), with a flagged penalty between as wide as the hyphen.
void ItemBuilder::add_pieces(const text::ShapedText& shaped, Item word, Items& out) {
  const text::ShapedRun& run = shaped.runs[0];
  const double scale = word.content.size / run.face->upem;
  const unsigned hyphen = run.face->glyph('-');
  if (!hyphen) {
    out.push_back(std::move(word));
    return;
  }
  const double hyphen_width = run.face->advance(hyphen) * scale;
  std::size_t begin = 0;
  auto piece = [&](std::size_t end) {
    Item p = word;
    p.content.glyph_begin = begin;
    p.content.glyph_end = end;
    p.width = 0;
    for (std::size_t g = begin; g < end; ++g) p.width += run.glyphs[g].advance * scale;
    p.content.width = p.width;
    if (begin > 0) p.content.id = p.content.note = nullptr;
    out.push_back(std::move(p));
    begin = end;
  };
  for (std::size_t point : shaped.hyphens) {
    std::size_t g = begin;
    while (g < run.glyphs.size() && run.glyphs[g].cluster < point) ++g;
    if (g == begin || g == run.glyphs.size() || run.glyphs[g].cluster != point) continue;
    piece(g);
    Item penalty = make_penalty(options_.hyphen_penalty);
    penalty.width = hyphen_width;
    penalty.flagged = true;
    out.push_back(penalty);
  }
  piece(run.glyphs.size());
}

void ItemBuilder::add_text(const std::string& text, const InlineStyle& style, SourceSpan at, Anchor anchor,
                           Items& out) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t space = text.find(' ', start);
    std::size_t end = space == std::string::npos ? text.size() : space;
    if (end > start) {
      std::string word = text.substr(start, end - start);
      const std::string& lang = style.lang.empty() ? book_lang_ : style.lang;
      const text::ShapedText& shaped = shaper_.shape(word, text_style(style, lang));
      for (std::size_t missing : shaped.missing) {
        SourceSpan where = at;
        where.col += static_cast<std::uint32_t>(start + missing);  // close enough: columns count characters
        diags_.warning(where, "missing-glyph", "no installed font has the character in '" + word + "'",
                       "install a font that has it (fonts-noto-core, fonts-noto-cjk)");
      }
      // Breaks inside a word without spaces (between ideographs, after a dash or a URL's slash), from
      // ICU: the pieces are set apart by glue that is no space, with a little stretch between ideographs.
      const std::vector<std::size_t>& breaks = shaped.breaks;
      if (breaks.empty()) {
        add_shaped(shaped, style, {anchor.node, anchor.offset + static_cast<std::uint32_t>(start)}, out);
      } else {
        std::size_t piece = 0;
        for (std::size_t at_break : breaks) {
          // Not after a hyphen (readers and text extraction take a line-final hyphen for a broken
          // word), nor before a dash (the dash ends the line, as in most house styles).
          if (word[at_break - 1] == '-' || word.compare(at_break, 3, "—") == 0 ||
              word.compare(at_break, 3, "–") == 0) {
            continue;
          }
          add_word(word.substr(piece, at_break - piece), style,
                   {anchor.node, anchor.offset + static_cast<std::uint32_t>(start + piece)}, out);
          Item opportunity = make_glue(0, style.size * 0.05, 0);
          opportunity.invisible = true;
          out.push_back(opportunity);
          piece = at_break;
        }
        add_word(word.substr(piece), style, {anchor.node, anchor.offset + static_cast<std::uint32_t>(start + piece)},
                 out);
      }
    }
    if (space == std::string::npos) break;
    double w = space_width(style);
    out.push_back(make_glue(w, w / 2, w / 3));
    start = space + 1;
  }
}

void ItemBuilder::add(const Inlines& xs, const InlineStyle& style, std::uint32_t node, Items& out) {
  for (const Inline& x : xs) {
    std::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          InlineStyle inner = style;
          if constexpr (std::is_same_v<T, Str>) {
            add_text(n.text, style, x.span, {node, offset_}, out);
            offset_ += static_cast<std::uint32_t>(n.text.size());
          } else if constexpr (std::is_same_v<T, SoftBreak>) {
            double w = space_width(style);
            out.push_back(make_glue(w, w / 2, w / 3));
            ++offset_;
          } else if constexpr (std::is_same_v<T, LineBreak>) {
            out.push_back(make_glue(0, 1e6, 0));
            out.push_back(make_penalty(forced_break));
          } else if constexpr (std::is_same_v<T, Emph>) {
            inner.italic = !style.italic;
            add(n.content, inner, node, out);
          } else if constexpr (std::is_same_v<T, Strong>) {
            inner.bold = true;
            add(n.content, inner, node, out);
          } else if constexpr (std::is_same_v<T, Strikeout>) {
            add(n.content, inner, node, out);
          } else if constexpr (std::is_same_v<T, Code>) {
            inner.family = Family::mono;
            inner.bold = inner.italic = false;
            inner.size = style.size * options_.code_scale;
            add_text(n.text, inner, x.span, {node, offset_}, out);
            offset_ += static_cast<std::uint32_t>(n.text.size());
          } else if constexpr (std::is_same_v<T, Link>) {
            inner.link = n.url;
            add(n.content, inner, node, out);
          } else if constexpr (std::is_same_v<T, Image>) {
            inner.italic = !style.italic;  // an image inside a line: its description, in italics
            add(n.alt, inner, node, out);
          } else if constexpr (std::is_same_v<T, Span>) {
            if (const std::string* lang = n.attr.get("lang")) inner.lang = *lang;
            add(n.content, inner, node, out);
          } else if constexpr (std::is_same_v<T, Note>) {
            inner.size = style.size * 0.62;
            inner.raise = style.size * 0.36;
            inner.bold = inner.italic = false;
            inner.link = "#" + n.id;
            add_word(std::to_string(n.number), inner, {node, offset_}, out);
            out.back().content.id = kept(n.ref_id);
            out.back().content.note = kept(n.id);
          }
          // RawInline has no meaning on paper: the text around it is kept. Cite is gone after resolve/.
        },
        x.node);
  }
}

}  // namespace recto::typeset
