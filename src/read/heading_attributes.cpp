// Moving a trailing `{…}` of a heading's text into the heading's Attr.
#include "heading_attributes.hpp"

#include "attributes.hpp"
#include "inline_text.hpp"
#include "tree_walk.hpp"

namespace recto {

void apply_heading_attributes(Blocks& blocks) {
  walk_blocks(blocks, [](Block& b) {
    auto* h = std::get_if<Header>(&b.node);
    if (!h || h->content.empty()) return;
    merge_adjacent_strs(h->content);
    auto* s = std::get_if<Str>(&h->content.back().node);
    if (!s) return;
    std::string& text = s->text;
    std::size_t end = text.find_last_not_of(' ');
    if (end == std::string::npos || text[end] != '}') return;
    std::size_t open = text.rfind('{', end);
    if (open == std::string::npos) return;
    auto attr = parse_attributes(std::string_view(text).substr(open, end - open + 1));
    if (!attr) return;
    h->attr = std::move(*attr);
    text.erase(open);
    if (text.empty()) h->content.pop_back();
    trim_inlines(h->content);
  });
}

}  // namespace recto
