// Matching parsed inline text back to the source: escapes, entities and smart punctuation undone.
#include "inline_positions.hpp"

#include <algorithm>
#include <string_view>

#include "escapes.hpp"
#include "tree_walk.hpp"
#include "utf8.hpp"

namespace recto {
namespace {

constexpr std::size_t kWindow = 512;  // how far ahead a node's source is looked for

class Cursor {
 public:
  Cursor(const LineIndex& lines, std::size_t pos) : lines_(lines), src_(lines.text()), pos_(pos) {}

  SourceSpan here() const { return lines_.at(pos_); }

  // Bytes of source at p that produce the code point cp (0 if they do not).
  std::size_t produces(std::size_t p, char32_t cp) const {
    if (p >= src_.size()) return 0;
    std::size_t q = p;
    char32_t s = utf8::decode(src_, q);
    if (s == cp) return q - p;
    char c = src_[p];
    auto next_is = [&](std::string_view w) { return src_.substr(p, w.size()) == w; };
    if (is_placeholder(cp)) return c == '\\' && p + 1 < src_.size() && src_[p + 1] == placeholder_original(cp) ? 2 : 0;
    if (c == '\\' && p + 1 < src_.size() && static_cast<char32_t>(static_cast<unsigned char>(src_[p + 1])) == cp) return 2;
    if ((cp == U'\u201C' || cp == U'\u201D') && c == '"') return 1;
    if ((cp == U'\u2018' || cp == U'\u2019') && c == '\'') return 1;
    if (cp == U'\u2014' && next_is("---")) return 3;
    if (cp == U'\u2013' && next_is("--")) return 2;
    if (cp == U'\u2026' && next_is("...")) return 3;
    if (c == '&') {
      std::size_t semi = src_.find(';', p);
      if (semi != std::string_view::npos && semi - p < 34) return semi - p + 1;
    }
    return 0;
  }

  // Moves to the first place at or after the cursor where cp is produced; false if not near.
  bool seek(char32_t cp) {
    for (std::size_t p = pos_; p < src_.size() && p < pos_ + kWindow; ++p) {
      if (produces(p, cp)) {
        pos_ = p;
        return true;
      }
    }
    return false;
  }

  bool seek_any(std::string_view chars) {
    for (std::size_t p = pos_; p < src_.size() && p < pos_ + kWindow; ++p) {
      if (chars.find(src_[p]) != std::string_view::npos) {
        pos_ = p;
        return true;
      }
    }
    return false;
  }

  // Consumes the source of a literal text: first the whole characters that the source holds as they
  // are (most text), then character by character.
  void consume(std::string_view text) {
    std::size_t same = 0;
    const std::size_t most = std::min(text.size(), src_.size() - std::min(pos_, src_.size()));
    while (same < most && text[same] == src_[pos_ + same]) ++same;
    while (same > 0 && same < text.size() && (static_cast<unsigned char>(text[same]) & 0xC0) == 0x80) --same;
    pos_ += same;
    for (std::size_t i = same; i < text.size();) {
      char32_t cp = utf8::decode(text, i);
      std::size_t n = produces(pos_, cp);
      if (n == 0) {
        std::size_t saved = pos_;
        if (!seek(cp)) {
          pos_ = saved;
          return;
        }
        n = produces(pos_, cp);
      }
      pos_ += n;
    }
  }

  void skip_count(char c, std::size_t n) {
    for (std::size_t k = 0; k < n && peek() == c; ++k) ++pos_;
  }

  void skip_run(char c) {
    while (pos_ < src_.size() && src_[pos_] == c) ++pos_;
  }

  char peek() const { return pos_ < src_.size() ? src_[pos_] : '\0'; }
  void advance(std::size_t n = 1) { pos_ = std::min(pos_ + n, src_.size()); }

  // Skips a balanced bracketed part starting at the cursor: (…) or […] or <…>.
  void skip_balanced(char open, char close) {
    if (peek() != open) return;
    int depth = 0;
    for (std::size_t p = pos_; p < src_.size() && p < pos_ + 4 * kWindow; ++p) {
      if (src_[p] == '\\') {
        ++p;
        continue;
      }
      if (src_[p] == open) ++depth;
      if (src_[p] == close && --depth == 0) {
        pos_ = p + 1;
        return;
      }
    }
  }

  void skip_code_span() {
    std::size_t start = pos_;
    skip_run('`');
    std::size_t n = pos_ - start;
    for (std::size_t p = pos_; p < src_.size() && p < pos_ + 16 * kWindow; ++p) {
      if (src_[p] != '`') continue;
      std::size_t q = p;
      while (q < src_.size() && src_[q] == '`') ++q;
      if (q - p == n) {
        pos_ = q;
        return;
      }
      p = q;
    }
  }

  void past_newline() {
    std::size_t nl = src_.find('\n', pos_);
    if (nl != std::string_view::npos && nl < pos_ + kWindow) pos_ = nl + 1;
  }

 private:
  const LineIndex& lines_;
  std::string_view src_;
  std::size_t pos_;
};

void locate(Inlines& xs, Cursor& cur);

const Str* first_str(const Inlines& xs) {
  return xs.empty() ? nullptr : std::get_if<Str>(&xs.front().node);
}

void locate_one(Inline& x, Cursor& cur) {
  if (auto* s = std::get_if<Str>(&x.node)) {
    std::size_t i = 0;
    if (!s->text.empty()) cur.seek(utf8::decode(s->text, i));
    x.span = cur.here();
    cur.consume(s->text);
  } else if (std::holds_alternative<SoftBreak>(x.node) || std::holds_alternative<LineBreak>(x.node)) {
    cur.seek_any(std::holds_alternative<LineBreak>(x.node) ? " \\\n" : "\n");
    x.span = cur.here();
    cur.past_newline();
  } else if (auto* c = std::get_if<Code>(&x.node)) {
    (void)c;
    cur.seek_any("`");
    x.span = cur.here();
    cur.skip_code_span();
  } else if (auto* r = std::get_if<RawInline>(&x.node)) {
    cur.seek_any("<");
    x.span = cur.here();
    cur.advance(r->text.size());
  } else if (std::holds_alternative<Note>(x.node)) {
    cur.seek_any("[");
    x.span = cur.here();
    cur.skip_balanced('[', ']');
  } else if (auto* l = std::get_if<Link>(&x.node)) {
    const Str* text = first_str(l->content);
    bool bare = text && (l->url == text->text || l->url == "http://" + text->text ||
                         l->url == "mailto:" + text->text);
    if (!bare) cur.seek_any("[<");
    x.span = cur.here();
    if (cur.peek() == '<') {
      cur.advance();
      locate(l->content, cur);
      cur.skip_run('>');
      return;
    }
    if (cur.peek() == '[') cur.advance();
    locate(l->content, cur);
    if (!bare && cur.peek() == ']') {
      cur.advance();
      if (cur.peek() == '(') cur.skip_balanced('(', ')');
      if (cur.peek() == '[') cur.skip_balanced('[', ']');
    }
  } else if (auto* img = std::get_if<Image>(&x.node)) {
    cur.seek_any("!");
    x.span = cur.here();
    cur.advance(2);
    locate(img->alt, cur);
    if (cur.peek() == ']') cur.advance();
    if (cur.peek() == '(') cur.skip_balanced('(', ')');
    if (cur.peek() == '[') cur.skip_balanced('[', ']');
  } else {
    Inlines* children = nullptr;
    char delim = '*';
    if (auto* e = std::get_if<Emph>(&x.node)) children = &e->content;
    if (auto* e = std::get_if<Strong>(&x.node)) children = &e->content;
    if (auto* e = std::get_if<Strikeout>(&x.node)) children = &e->content;
    if (auto* e = std::get_if<Span>(&x.node)) children = &e->content;
    // Emph opens with one delimiter, Strong and Strikeout with two (`***x***` is Emph(Strong(x))).
    std::size_t width = std::holds_alternative<Emph>(x.node) ? 1 : 2;
    cur.seek_any(std::holds_alternative<Strikeout>(x.node) ? "~" : "*_");
    x.span = cur.here();
    delim = cur.peek();
    cur.skip_count(delim, width);
    if (children) locate(*children, cur);
    cur.skip_count(delim, width);
  }
}

void locate(Inlines& xs, Cursor& cur) {
  for (Inline& x : xs) locate_one(x, cur);
}

}  // namespace

void locate_positions(Blocks& blocks, const LineIndex& lines) {
  walk_blocks(blocks, [&](Block& b) {
    std::size_t start = lines.offset(b.span.line, b.span.col);
    b.span = lines.at(start);
    if (Inlines* xs = block_inlines(b)) {
      Cursor cur(lines, start);
      locate(*xs, cur);
    }
    if (auto* t = std::get_if<Table>(&b.node)) {
      for (auto* rows : {&t->head, &t->body}) {
        for (auto& row : *rows) {
          for (auto& cell : row) {
            std::size_t at = lines.offset(cell.span.line, cell.span.col);
            cell.span = lines.at(at);
            Cursor cur(lines, at);
            locate(cell.content, cur);
          }
        }
      }
    }
  });
}

}  // namespace recto
