// Walking the text's words into the hyphenator's cache.
#include "hyphenate_ahead.hpp"

#include <algorithm>
#include <string_view>

#include "tree_walk.hpp"

namespace recto::typeset {

void hyphenate_ahead(const Document& doc, text::Hyphenator& hyphenator, const std::function<bool()>& stop) {
  const std::string lang = doc.meta.language();
  bool stopped = false;
  for (const Division& division : doc.divisions) {
    walk_inlines(division.blocks, [&](const Inline& x) {
      const auto* str = std::get_if<Str>(&x.node);
      if (!str) return;
      const std::string_view text = str->text;
      for (std::size_t start = 0; start < text.size() && !stopped;) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        if (end > start) {
          hyphenator.points(text.substr(start, end - start), lang);
          stopped = stop();  // the fonts may be found by now: the typesetting waits for this thread
        }
        start = end + 1;
      }
    });
    if (stopped) return;
  }
}

}  // namespace recto::typeset
