// Placing page-break markers in the text as it is written.
#include "page_marks.hpp"

#include <algorithm>

#include "xml_text.hpp"

namespace recto::epub {

PageMarks::PageMarks(const std::vector<PageStart>& starts) {
  for (const PageStart& s : starts) {
    pages_.push_back(&s);
    if (s.block) by_block_[s.block].push_back(&s);
    else title_page_.push_back(&s);
  }
  for (auto& [block, list] : by_block_) {
    std::stable_sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->offset < b->offset; });
  }
}

void PageMarks::mark(pugi::xml_node parent, const PageStart& start) {
  std::string id = "page-" + start.label;
  pugi::xml_node span = parent.append_child("span");
  span.append_attribute("id") = id.c_str();
  span.append_attribute("epub:type") = "pagebreak";
  span.append_attribute("role") = "doc-pagebreak";
  span.append_attribute("aria-label") = start.label.c_str();
  href_of_[&start] = file_ + "#" + id;
}

std::vector<PageListEntry> PageMarks::page_list() const {
  std::vector<PageListEntry> out;
  for (const PageStart* p : pages_) {
    if (auto it = href_of_.find(p); it != href_of_.end()) out.push_back({p->label, it->second});
  }
  return out;
}

void PageMarks::enter(const Block& b) {
  open_.push_back({starts_, next_, offset_});
  auto it = by_block_.find(&b);
  starts_ = it == by_block_.end() ? nullptr : &it->second;
  next_ = 0;
  offset_ = 0;
}

void PageMarks::leave(pugi::xml_node parent) {
  if (starts_) {
    for (; next_ < starts_->size(); ++next_) mark(parent, *(*starts_)[next_]);
  }
  starts_ = open_.back().starts;
  next_ = open_.back().next;
  offset_ = open_.back().offset;
  open_.pop_back();
}

void PageMarks::all(pugi::xml_node parent) {
  if (!starts_) return;
  for (; next_ < starts_->size(); ++next_) mark(parent, *(*starts_)[next_]);
}

void PageMarks::text(pugi::xml_node parent, const std::string& text) {
  std::size_t written = 0;
  const std::uint32_t end = offset_ + static_cast<std::uint32_t>(text.size());
  while (starts_ && next_ < starts_->size() && (*starts_)[next_]->offset < end) {
    // A page that begins inside a word (the rest of a hyphenated one) is marked before the word.
    std::size_t at = (*starts_)[next_]->offset > offset_ ? (*starts_)[next_]->offset - offset_ : 0;
    while (at > written && text[at - 1] != ' ' && text[at - 1] != '\n') --at;
    add_text(parent, text.substr(written, at - written));
    written = at;
    mark(parent, *(*starts_)[next_]);
    ++next_;
  }
  add_text(parent, text.substr(written));
  offset_ = end;
}

void PageMarks::title_page(pugi::xml_node section) {
  for (const PageStart* s : title_page_) mark(section, *s);
}

std::uint32_t counted_length(const Inlines& xs) {
  std::uint32_t n = 0;
  for (const Inline& x : xs) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, Str> || std::is_same_v<T, Code>) {
            n += static_cast<std::uint32_t>(v.text.size());
          } else if constexpr (std::is_same_v<T, SoftBreak>) {
            ++n;
          } else if constexpr (std::is_same_v<T, Image>) {
            n += counted_length(v.alt);
          } else if constexpr (std::is_same_v<T, Note>) {
            // the number is not counted
          } else if constexpr (requires { v.content; }) {
            if constexpr (std::is_same_v<std::decay_t<decltype(v.content)>, Inlines>) n += counted_length(v.content);
          }
        },
        x.node);
  }
  return n;
}

}  // namespace recto::epub
