// Composing only the other settings of paragraphs that the page builder took.
#include "taken_settings.hpp"

#include <unordered_set>

#include "line_composer.hpp"

namespace recto::typeset {

void paragraph_items(ItemBuilder& builder, const ParagraphSource& source, Items& items) {
  items.clear();
  builder.begin_block();
  if (source.first_indent > 0) {
    Item indent;
    indent.width = indent.content.width = source.first_indent;
    items.push_back(indent);
  }
  builder.add(*source.inlines, source.style, source.node, items);
  if (!items.empty() && source.frame.align == Align::justify) {
    items.push_back(make_glue(0, 1e9, 0));
    items.push_back(make_penalty(forced_break));
  }
}

void compose_taken_settings(BookFlow& book, const std::vector<PagePlan>& plans, ItemBuilder& builder) {
  std::unordered_set<const Slice*> placed;
  for (const PagePlan& page : plans) {
    for (const PlacedSlice& p : page.text) placed.insert(p.slice);
  }
  Items items;
  for (auto& [paragraph, alt] : book.alternatives) {
    for (auto [setting, breaks] :
         {std::pair{&alt.tighter, &alt.tighter_breaks}, std::pair{&alt.looser, &alt.looser_breaks}}) {
      bool taken = false;
      for (const Slice& s : *setting) taken = taken || placed.count(&s) != 0;
      if (!taken) continue;
      paragraph_items(builder, alt.source, items);
      for (std::size_t i = 0; i < setting->size(); ++i) {
        Slice composed = compose_line(items, (*breaks)[i], alt.source.frame);
        Slice& line = (*setting)[i];
        line.runs = std::move(composed.runs);
        line.links = std::move(composed.links);
        line.link_targets = std::move(composed.link_targets);
      }
    }
  }
}

}  // namespace recto::typeset
