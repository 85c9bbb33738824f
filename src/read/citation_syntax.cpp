// Recognising pandoc citations in the merged text of inline sequences.
#include "citation_syntax.hpp"

#include <cctype>
#include <string>

#include "inline_text.hpp"
#include "utf8.hpp"

namespace recto {
namespace {

bool is_key_start(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_key_inner(char c) {
  return std::string_view(":.#$%&-+?<>~/").find(c) != std::string_view::npos;
}

// An '@' at s[i] can start a citation when nothing word-like comes right before it.
bool citation_can_start(std::string_view s, std::size_t i) {
  if (i == 0) return true;
  unsigned char prev = static_cast<unsigned char>(s[i - 1]);
  return !(std::isalnum(prev) || prev == '_' || prev >= 0x80 || prev == '@');
}

std::vector<Inlines> split_groups(const Inlines& content) {
  std::vector<Inlines> groups(1);
  for (const Inline& x : content) {
    const auto* s = std::get_if<Str>(&x.node);
    if (!s) {
      groups.back().push_back(x);
      continue;
    }
    std::size_t from = 0;
    for (std::size_t i = 0; i <= s->text.size(); ++i) {
      if (i == s->text.size() || s->text[i] == ';') {
        if (i > from) groups.back().push_back(str_piece(x, from, i));
        if (i < s->text.size()) groups.emplace_back();
        from = i + 1;
      }
    }
  }
  return groups;
}

std::optional<Citation> parse_group(Inlines group) {
  for (std::size_t n = 0; n < group.size(); ++n) {
    const auto* s = std::get_if<Str>(&group[n].node);
    if (!s) continue;
    const std::string& text = s->text;
    for (std::size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
      bool suppress = at > 0 && text[at - 1] == '-' && (at == 1 || text[at - 2] == ' ');
      std::size_t start = suppress ? at - 1 : at;
      bool start_ok = start == 0 ? (n == 0 || !std::holds_alternative<Str>(group[n - 1].node))
                                 : text[start - 1] == ' ';
      if (!start_ok && !(n == 0 && text.find_first_not_of(' ') == start)) continue;
      std::size_t len = citation_key_length(text, at + 1);
      if (len == 0) continue;
      Citation c;
      c.id = text.substr(at + 1, len);
      c.mode = suppress ? CitationMode::suppress_author : CitationMode::normal;
      c.span = span_at(group[n].span, text, at);
      for (std::size_t k = 0; k < n; ++k) c.prefix.push_back(group[k]);
      if (start > 0) c.prefix.push_back(str_piece(group[n], 0, start));
      if (at + 1 + len < text.size()) c.suffix.push_back(str_piece(group[n], at + 1 + len, text.size()));
      for (std::size_t k = n + 1; k < group.size(); ++k) c.suffix.push_back(group[k]);
      trim_inlines(c.prefix);
      trim_inlines(c.suffix);
      return c;
    }
  }
  return std::nullopt;
}

}  // namespace

std::size_t citation_key_length(std::string_view s, std::size_t i) {
  if (i >= s.size() || !is_key_start(s[i])) return 0;
  std::size_t j = i + 1;
  while (j < s.size()) {
    if (is_key_start(s[j])) {
      ++j;
    } else if (is_key_inner(s[j]) && j + 1 < s.size() && is_key_start(s[j + 1])) {
      j += 2;
    } else {
      break;
    }
  }
  return j - i;
}

std::optional<Cite> parse_bracketed_citation(const Inlines& content) {
  Cite cite;
  for (Inlines& group : split_groups(content)) {
    auto c = parse_group(std::move(group));
    if (!c) return std::nullopt;
    cite.citations.push_back(std::move(*c));
  }
  return cite;
}

void find_in_text_citations(Inlines& xs) {
  // One pass over each Str, its pieces and citations appended in order: linear in the text however
  // many citations it holds (a Str of 100,000 `@a` took minutes when each was split off in turn).
  Inlines out;
  out.reserve(xs.size());
  for (Inline& x : xs) {
    const auto* s = std::get_if<Str>(&x.node);
    if (!s || s->text.find('@') == std::string::npos) {
      out.push_back(std::move(x));
      continue;
    }
    const std::string& text = s->text;
    // Source positions of byte offsets, which are asked for in increasing order.
    std::size_t counted = 0;
    SourceSpan counted_at = x.span;
    auto span_of = [&](std::size_t offset) {
      if (counted_at.line > 0) {
        std::string_view between = std::string_view(text).substr(counted, offset - counted);
        counted_at.col += static_cast<std::uint32_t>(utf8::count_chars(between));
      }
      counted = offset;
      return counted_at;
    };
    auto piece = [&](std::size_t from, std::size_t to) {
      return Inline{Str{text.substr(from, to - from)}, span_of(from)};
    };
    std::size_t done = 0;  // the text before it is in `out`
    for (std::size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
      // Right after a citation, a new one may start at once (`@a@b`), as at the start of a Str.
      if (at != done && !citation_can_start(text, at)) continue;
      std::size_t len = citation_key_length(text, at + 1);
      if (len == 0) continue;
      if (at > done) out.push_back(piece(done, at));
      Citation c;
      c.id = text.substr(at + 1, len);
      c.mode = CitationMode::author_in_text;
      c.span = span_of(at);
      std::size_t end = at + 1 + len;
      // `@key [p. 4]`: a bracket right after, without citations of its own, is the suffix.
      if (text.compare(end, 2, " [") == 0) {
        std::size_t close = text.find(']', end + 2);
        if (close != std::string::npos && text.find('@', end) > close) {
          c.suffix.push_back(piece(end + 2, close));
          trim_inlines(c.suffix);
          end = close + 1;
        }
      }
      SourceSpan cite_at = c.span;
      out.push_back(Inline{Cite{{std::move(c)}}, cite_at});
      done = end;
      at = end - 1;
    }
    if (done == 0) {
      out.push_back(std::move(x));
    } else if (done < text.size()) {
      out.push_back(piece(done, text.size()));
    }
  }
  xs = std::move(out);
}

}  // namespace recto
