// Matching brackets across the Str nodes of a sequence and turning them into Span or Cite nodes.
#include "bracket_syntax.hpp"

#include <optional>
#include <vector>

#include "attributes.hpp"
#include "citation_syntax.hpp"
#include "inline_text.hpp"

namespace recto {
namespace {

struct Place {
  std::size_t node;
  std::size_t off;
};

const std::string& text_of(const Inlines& xs, std::size_t n) { return std::get<Str>(xs[n].node).text; }

// The inlines strictly between two bracket places.
Inlines between(const Inlines& xs, Place open, Place close) {
  Inlines content;
  if (open.node == close.node) {
    if (close.off > open.off + 1) content.push_back(str_piece(xs[open.node], open.off + 1, close.off));
    return content;
  }
  const std::string& first = text_of(xs, open.node);
  if (open.off + 1 < first.size()) content.push_back(str_piece(xs[open.node], open.off + 1, first.size()));
  for (std::size_t k = open.node + 1; k < close.node; ++k) content.push_back(xs[k]);
  if (close.off > 0) content.push_back(str_piece(xs[close.node], 0, close.off));
  return content;
}

// Replaces [open, close_end) by `node`; returns the index where scanning resumes.
std::size_t splice(Inlines& xs, Place open, Place close_end, Inline node) {
  Inlines replacement;
  if (open.off > 0) replacement.push_back(str_piece(xs[open.node], 0, open.off));
  replacement.push_back(std::move(node));
  const std::string& last = text_of(xs, close_end.node);
  bool has_rest = close_end.off < last.size();
  if (has_rest) replacement.push_back(str_piece(xs[close_end.node], close_end.off, last.size()));
  auto first = xs.begin() + static_cast<std::ptrdiff_t>(open.node);
  auto end = xs.begin() + static_cast<std::ptrdiff_t>(close_end.node + 1);
  xs.erase(first, end);
  xs.insert(xs.begin() + static_cast<std::ptrdiff_t>(open.node), replacement.begin(), replacement.end());
  std::size_t resume = open.node + replacement.size();
  return has_rest ? resume - 1 : resume;
}

// Tries to turn the brackets at open/close into a Span or a Cite; returns the resume index.
std::optional<std::size_t> transform(Inlines& xs, Place open, Place close) {
  const std::string& closing = text_of(xs, close.node);
  SourceSpan at = span_at(xs[open.node].span, text_of(xs, open.node), open.off);
  if (close.off + 1 < closing.size() && closing[close.off + 1] == '{') {
    std::size_t brace = closing.find('}', close.off + 1);
    if (brace != std::string::npos) {
      if (auto attr = parse_attributes(std::string_view(closing).substr(close.off + 1, brace - close.off))) {
        Inline span{Span{std::move(*attr), between(xs, open, close)}, at};
        return splice(xs, open, {close.node, brace + 1}, std::move(span));
      }
    }
  }
  if (close.off + 1 < closing.size() && (closing[close.off + 1] == '(' || closing[close.off + 1] == '[')) {
    return std::nullopt;  // looks like a link that did not resolve: leave it as text
  }
  if (auto cite = parse_bracketed_citation(between(xs, open, close))) {
    return splice(xs, open, {close.node, close.off + 1}, Inline{std::move(*cite), at});
  }
  return std::nullopt;
}

}  // namespace

void apply_bracket_syntax(Inlines& xs) {
  merge_adjacent_strs(xs);
  std::vector<Place> opens;
  for (std::size_t n = 0; n < xs.size(); ++n) {
    if (!std::holds_alternative<Str>(xs[n].node)) continue;
    for (std::size_t off = 0; off < text_of(xs, n).size(); ++off) {
      char c = text_of(xs, n)[off];
      if (c == '[') {
        opens.push_back({n, off});
      } else if (c == ']' && !opens.empty()) {
        Place open = opens.back();
        opens.pop_back();
        if (auto resume = transform(xs, open, {n, off})) {
          // Brackets opened inside the replaced range are gone with it.
          while (!opens.empty() && opens.back().node >= open.node &&
                 (opens.back().node > open.node || opens.back().off > open.off)) {
            opens.pop_back();
          }
          n = *resume;
          off = static_cast<std::size_t>(-1);
          if (n >= xs.size() || !std::holds_alternative<Str>(xs[n].node)) {
            --n;  // the outer loop's ++n moves on
            break;
          }
        }
      }
    }
  }
}

}  // namespace recto
