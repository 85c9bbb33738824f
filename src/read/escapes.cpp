// Protecting `\[ \] \{ \} \@` through cmark-gfm with private-use placeholders, and restoring them.
#include "escapes.hpp"

#include <string_view>
#include <type_traits>

#include "tree_walk.hpp"
#include "utf8.hpp"

namespace recto {
namespace {

constexpr char32_t kBase = 0xE000;
constexpr std::string_view kProtected = "[]{}@";

std::string restored(const std::string& s, bool keep_backslash) {
  if (s.find("\xEE\x80") == std::string::npos && s.find("\xEE\x81") == std::string::npos) return s;
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t cp = utf8::decode(s, i);
    if (is_placeholder(cp)) {
      if (keep_backslash) out += '\\';
      out += placeholder_original(cp);
    } else {
      out.append(s, start, i - start);
    }
  }
  return out;
}

}  // namespace

bool is_placeholder(char32_t cp) {
  return cp >= kBase && cp < kBase + 0x80 && kProtected.find(static_cast<char>(cp - kBase)) != std::string_view::npos;
}

char placeholder_original(char32_t cp) { return static_cast<char>(cp - kBase); }

std::string protect_escapes(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && kProtected.find(text[i + 1]) != std::string_view::npos) {
      utf8::append(out, kBase + static_cast<unsigned char>(text[i + 1]));
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

void restore_escapes(Blocks& blocks) {
  walk_inlines(blocks, [](Inline& x) {
    if (auto* s = std::get_if<Str>(&x.node)) s->text = restored(s->text, false);
    if (auto* c = std::get_if<Code>(&x.node)) c->text = restored(c->text, true);
    if (auto* r = std::get_if<RawInline>(&x.node)) r->text = restored(r->text, true);
  });
  walk_blocks(blocks, [](Block& b) {
    if (auto* c = std::get_if<CodeBlock>(&b.node)) c->text = restored(c->text, true);
    if (auto* r = std::get_if<RawBlock>(&b.node)) r->text = restored(r->text, true);
  });
}

}  // namespace recto
