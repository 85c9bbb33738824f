// Merging, cutting and trimming the Str nodes of an inline sequence.
#include "inline_text.hpp"

#include "utf8.hpp"

namespace recto {

void merge_adjacent_strs(Inlines& xs) {
  if (xs.size() < 2) return;
  Inlines out;
  out.reserve(xs.size());
  for (Inline& x : xs) {
    auto* s = std::get_if<Str>(&x.node);
    if (s && !out.empty()) {
      if (auto* prev = std::get_if<Str>(&out.back().node)) {
        prev->text += s->text;
        continue;
      }
    }
    out.push_back(std::move(x));
  }
  xs = std::move(out);
}

SourceSpan span_at(const SourceSpan& start, const std::string& text, std::size_t offset) {
  SourceSpan s = start;
  if (s.line > 0) {
    s.col += static_cast<std::uint32_t>(utf8::count_chars(std::string_view(text).substr(0, offset)));
  }
  return s;
}

Inline str_piece(const Inline& str_node, std::size_t from, std::size_t to) {
  const std::string& text = std::get<Str>(str_node.node).text;
  return Inline{Str{text.substr(from, to - from)}, span_at(str_node.span, text, from)};
}

void trim_inlines(Inlines& xs) {
  while (!xs.empty()) {
    auto* s = std::get_if<Str>(&xs.front().node);
    if (std::holds_alternative<SoftBreak>(xs.front().node) || (s && s->text.find_first_not_of(' ') == std::string::npos)) {
      xs.erase(xs.begin());
      continue;
    }
    if (s && s->text.front() == ' ') {
      std::size_t n = s->text.find_first_not_of(' ');
      xs.front().span = span_at(xs.front().span, s->text, n);
      s->text.erase(0, n);
    }
    break;
  }
  while (!xs.empty()) {
    auto* s = std::get_if<Str>(&xs.back().node);
    if (std::holds_alternative<SoftBreak>(xs.back().node) || (s && s->text.find_first_not_of(' ') == std::string::npos)) {
      xs.pop_back();
      continue;
    }
    if (s) s->text.erase(s->text.find_last_not_of(' ') + 1);
    break;
  }
}

}  // namespace recto
