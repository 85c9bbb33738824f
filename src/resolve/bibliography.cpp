// Building the References division from the cited references.
#include "bibliography.hpp"

#include <map>

#include "citation_style.hpp"
#include "terms.hpp"

namespace recto {

void add_bibliography(Document& doc, const std::vector<std::string>& cited_ids) {
  if (cited_ids.empty()) return;
  std::map<std::string, const Reference*> by_id;
  for (const auto& r : doc.references) by_id[r.id] = &r;
  Division division;
  division.name = "references";
  division.attr.classes.push_back("references");
  SourceSpan at = by_id.at(cited_ids.front())->span;
  division.span = at;
  division.blocks.push_back({Header{1, {}, {{Str{term(Term::references, doc.meta.lang)}, at}}}, at});
  OrderedList list;
  for (const auto& id : cited_ids) {
    const Reference& ref = *by_id.at(id);
    Attr entry;
    entry.id = "ref-" + id;
    entry.classes.push_back("csl-entry");
    Blocks item;
    item.push_back({Div{entry, {{Para{{{Str{render_reference(ref)}, ref.span}}}, ref.span}}}, ref.span});
    list.items.push_back(std::move(item));
  }
  division.blocks.push_back({std::move(list), at});
  doc.divisions.push_back(std::move(division));
}

}  // namespace recto
