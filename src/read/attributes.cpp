// Parsing pandoc's `{#id .class key=value}` attribute syntax.
#include "attributes.hpp"

#include <cctype>
#include <string>

namespace recto {
namespace {

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.' ||
         (static_cast<unsigned char>(c) >= 0x80);
}

// Length of an opening quote at s[i] ('"', “ or ”), 0 if none.
std::size_t quote_at(std::string_view s, std::size_t i) {
  if (s[i] == '"') return 1;
  if (s.substr(i, 3) == "\u201C" || s.substr(i, 3) == "\u201D") return 3;
  return 0;
}

}  // namespace

std::optional<Attr> parse_attributes(std::string_view s) {
  if (s.size() < 2 || s.front() != '{' || s.back() != '}') return std::nullopt;
  s = s.substr(1, s.size() - 2);
  Attr attr;
  std::size_t i = 0;
  auto read_name = [&]() {
    std::size_t start = i;
    while (i < s.size() && is_name_char(s[i])) ++i;
    return std::string(s.substr(start, i - start));
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      ++i;
      continue;
    }
    if (c == '#') {
      ++i;
      std::string id = read_name();
      if (id.empty()) return std::nullopt;
      attr.id = id;
    } else if (c == '.') {
      ++i;
      std::string cls = read_name();
      if (cls.empty()) return std::nullopt;
      attr.classes.push_back(cls);
    } else if (c == '-' && (i + 1 == s.size() || s[i + 1] == ' ')) {
      ++i;
      attr.classes.push_back("unnumbered");
    } else {
      std::string key = read_name();
      if (key.empty() || i >= s.size() || s[i] != '=') return std::nullopt;
      ++i;
      std::string value;
      if (std::size_t q = i < s.size() ? quote_at(s, i) : 0) {
        i += q;
        while (i < s.size() && !quote_at(s, i)) {
          if (s[i] == '\\' && i + 1 < s.size()) ++i;
          value += s[i++];
        }
        if (i >= s.size()) return std::nullopt;
        i += quote_at(s, i);
      } else {
        while (i < s.size() && s[i] != ' ' && s[i] != '\t') value += s[i++];
      }
      attr.kv.emplace_back(key, value);
    }
  }
  return attr;
}

}  // namespace recto
