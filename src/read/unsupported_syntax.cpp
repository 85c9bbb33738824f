// Spotting unsupported pandoc constructs in the text that cmark-gfm left.
#include "unsupported_syntax.hpp"

#include <cctype>
#include <string>

#include "inline_text.hpp"
#include "tree_walk.hpp"

namespace recto {
namespace {

bool space(char c) { return c == ' ' || c == '\t'; }

// Pandoc's $…$ (or $$…$$): no space inside the dollars, no digit right after the closing one.
std::size_t find_math(const std::string& t, std::size_t from) {
  for (std::size_t i = t.find('$', from); i != std::string::npos; i = t.find('$', i + 1)) {
    if (t.compare(i, 2, "$$") == 0) {
      std::size_t j = t.find("$$", i + 2);
      if (j != std::string::npos) return i;
      continue;
    }
    if (i + 1 >= t.size() || space(t[i + 1])) continue;
    std::size_t j = t.find('$', i + 1);
    if (j == std::string::npos) return std::string::npos;
    if (!space(t[j - 1]) && (j + 1 >= t.size() || !std::isdigit(static_cast<unsigned char>(t[j + 1])))) return i;
  }
  return std::string::npos;
}

// The end of a construct found at i (its closing delimiter), to look for the next one after it.
std::size_t after(const std::string& t, std::size_t i, char d) {
  std::size_t j = t.find(d, i + 2);
  if (d == '$' && t.compare(i, 2, "$$") == 0) j = t.find("$$", i + 2) + 1;
  return j == std::string::npos ? t.size() : j + 1;
}

// ^x^ or ~x~ with no spaces inside (a doubled ~~ is strikethrough).
std::size_t find_delimited(const std::string& t, char d, std::size_t from) {
  for (std::size_t i = t.find(d, from); i != std::string::npos; i = t.find(d, i + 1)) {
    if (i + 1 >= t.size() || t[i + 1] == d || space(t[i + 1]) || (i > 0 && t[i - 1] == d)) continue;
    std::size_t j = i + 1;
    while (j < t.size() && t[j] != d && !space(t[j])) ++j;
    if (j < t.size() && t[j] == d && (j + 1 >= t.size() || t[j + 1] != d)) return i;
  }
  return std::string::npos;
}

std::size_t find_tex_command(const std::string& t, std::size_t from) {
  for (std::size_t i = t.find('\\', from); i != std::string::npos; i = t.find('\\', i + 1)) {
    std::size_t j = i + 1;
    while (j < t.size() && std::isalpha(static_cast<unsigned char>(t[j]))) ++j;
    if (j > i + 1 && j < t.size() && t[j] == '{') return i;
  }
  return std::string::npos;
}

bool starts_definition(const std::string& t) {
  return t.size() >= 2 && (t[0] == ':' || t[0] == '~') && space(t[1]);
}

}  // namespace

void warn_unsupported_syntax(Blocks& blocks, Diagnostics& diags) {
  auto warn = [&](const Inline& x, std::size_t off, const char* what) {
    const std::string& text = std::get<Str>(x.node).text;
    diags.warning(span_at(x.span, text, off), "unsupported-syntax",
                  std::string(what) + " is not supported by recto; kept as text");
  };
  walk_inline_lists(blocks, [&](Inlines& xs) {
    for (std::size_t n = 0; n < xs.size(); ++n) {
      const auto* s = std::get_if<Str>(&xs[n].node);
      if (!s) continue;
      const std::string& t = s->text;
      for (std::size_t i = find_math(t, 0); i != std::string::npos; i = find_math(t, after(t, i, '$'))) {
        warn(xs[n], i, t.compare(i, 2, "$$") == 0 ? "TeX display math ($$…$$)" : "TeX math ($…$)");
      }
      for (std::size_t i = find_delimited(t, '^', 0); i != std::string::npos; i = find_delimited(t, '^', after(t, i, '^'))) {
        warn(xs[n], i, "superscript (^…^)");
      }
      for (std::size_t i = find_delimited(t, '~', 0); i != std::string::npos; i = find_delimited(t, '~', after(t, i, '~'))) {
        warn(xs[n], i, "subscript (~…~)");
      }
      for (std::size_t i = find_tex_command(t, 0); i != std::string::npos; i = find_tex_command(t, i + 1)) {
        warn(xs[n], i, "raw TeX (\\command{…})");
      }
      bool line_start = n == 0 || std::holds_alternative<SoftBreak>(xs[n - 1].node);
      if (line_start && starts_definition(s->text)) warn(xs[n], 0, "a definition list");
    }
  });
}

}  // namespace recto
