// Collecting explicit ids and giving every heading a unique one.
#include "identifiers.hpp"

#include <cctype>
#include <map>
#include <set>

#include "tree_walk.hpp"
#include "utf8.hpp"

namespace recto {
namespace {

// Letters and digits of any script count; Unicode punctuation and symbols do not.
bool is_punctuation(char32_t c) {
  return (c >= 0x00A0 && c <= 0x00BF) || c == 0x00D7 || c == 0x00F7 || (c >= 0x2000 && c <= 0x2BFF) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF0F);
}

// Lowercase for the Latin, Greek and Cyrillic capitals that ids are likely to hold.
char32_t to_lower(char32_t c) {
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F)) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (c >= 0x100 && c <= 0x17F && c % 2 == 0 && c != 0x130 && c != 0x138) return c + 1;
  return c;
}

void remember_id(const std::string& id, const SourceSpan& at, std::map<std::string, SourceSpan>& seen,
                 Diagnostics& diags) {
  if (id.empty()) return;
  auto [it, inserted] = seen.emplace(id, at);
  if (!inserted) {
    diags.error(at, "duplicate-id", "duplicate id '" + id + "'",
                "the first one is on line " + std::to_string(it->second.line));
  }
}

}  // namespace

std::string auto_identifier(const Inlines& heading) {
  std::string text = plain_text(heading);
  std::string id;
  bool seen_letter = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = utf8::decode(text, i);
    if (c < 0x80) {
      char a = static_cast<char>(c);
      bool letter = std::isalpha(static_cast<unsigned char>(a));
      if (!seen_letter && !letter) continue;
      if (letter || std::isdigit(static_cast<unsigned char>(a)) || a == '_' || a == '-' || a == '.') {
        id += static_cast<char>(std::tolower(static_cast<unsigned char>(a)));
        seen_letter = true;
      } else if (a == ' ' || a == '\n' || a == '\t') {
        id += '-';
      }
    } else if (!is_punctuation(c)) {
      utf8::append(id, to_lower(c));
      seen_letter = true;
    }
  }
  return id.empty() ? "section" : id;
}

void assign_identifiers(Document& doc, Diagnostics& diags) {
  std::map<std::string, SourceSpan> seen;
  // Explicit ids first, in document order, so that automatic ones avoid them.
  for (auto& division : doc.divisions) {
    walk_blocks(division.blocks, [&](Block& b) {
      if (auto* h = std::get_if<Header>(&b.node)) remember_id(h->attr.id, b.span, seen, diags);
      if (auto* d = std::get_if<Div>(&b.node)) remember_id(d->attr.id, b.span, seen, diags);
      if (auto* c = std::get_if<CodeBlock>(&b.node)) remember_id(c->attr.id, b.span, seen, diags);
      if (auto* f = std::get_if<Figure>(&b.node)) remember_id(f->attr.id, b.span, seen, diags);
    });
    walk_inlines(division.blocks, [&](Inline& x) {
      if (auto* s = std::get_if<Span>(&x.node)) remember_id(s->attr.id, x.span, seen, diags);
    });
  }
  std::set<std::string> used;
  for (const auto& [id, at] : seen) used.insert(id);
  for (auto& division : doc.divisions) {
    walk_blocks(division.blocks, [&](Block& b) {
      auto* h = std::get_if<Header>(&b.node);
      if (!h || !h->attr.id.empty()) return;
      std::string base = auto_identifier(h->content);
      std::string id = base;
      for (int n = 1; used.count(id); ++n) id = base + "-" + std::to_string(n);
      used.insert(id);
      h->attr.id = id;
    });
  }
}

}  // namespace recto
