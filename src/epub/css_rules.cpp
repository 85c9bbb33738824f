// Pruning epub.css to the classes a book uses (epubcheck reports unused class selectors).
#include "css_rules.hpp"

#include <cctype>

namespace recto::epub {

namespace {

bool is_class_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

// True when every class named in the selector part of a rule is used.
bool selectors_used(const std::string& selectors, const std::set<std::string>& classes) {
  for (std::size_t i = selectors.find('.'); i != std::string::npos; i = selectors.find('.', i + 1)) {
    std::size_t end = i + 1;
    while (end < selectors.size() && is_class_char(selectors[end])) ++end;
    if (end > i + 1 && !classes.count(selectors.substr(i + 1, end - i - 1))) return false;
  }
  return true;
}

}  // namespace

std::set<std::string> used_classes(const std::vector<const std::string*>& documents) {
  std::set<std::string> out;
  const std::string marker = " class=\"";
  for (const std::string* doc : documents) {
    for (std::size_t at = doc->find(marker); at != std::string::npos; at = doc->find(marker, at + 1)) {
      std::size_t start = at + marker.size(), end = doc->find('"', start);
      std::string value = doc->substr(start, end - start);
      for (std::size_t i = 0; i < value.size();) {
        std::size_t j = value.find(' ', i);
        if (j == std::string::npos) j = value.size();
        if (j > i) out.insert(value.substr(i, j - i));
        i = j + 1;
      }
    }
  }
  return out;
}

std::string prune_stylesheet(const std::string& css, const std::set<std::string>& classes) {
  std::string out;
  for (std::size_t start = 0; start < css.size();) {
    std::size_t end = css.find("\n\n", start);
    end = end == std::string::npos ? css.size() : end + 2;
    std::string block = css.substr(start, end - start);
    std::size_t brace = block.find('{');
    bool comment = block.rfind("/*", 0) == 0;
    if (comment || brace == std::string::npos || selectors_used(block.substr(0, brace), classes)) out += block;
    start = end;
  }
  return out;
}

}  // namespace recto::epub
