// A paragraph's items made again from its source, and the other settings the pages took composed.
#pragma once

#include <vector>

#include "flow.hpp"
#include "page_builder.hpp"

namespace recto::typeset {

// The items a paragraph is broken from, into `items` (emptied first; its room is kept, as a paragraph
// may have thousands): its indent, its inlines' items and, when justified, TeX's \parfillskip and
// the final forced break. None when the inlines have none and there is no indent.
void paragraph_items(ItemBuilder& builder, const ParagraphSource& source, Items& items);

// Composes the lines of every other setting of a paragraph that the pages take (the rest stay
// outlines), from the paragraph's items made again; its slices keep their places, so the plans'
// pointers hold. `builder` must make the items the layout made (the same fonts, options and
// language); what it reports is dropped, as the layout reported it already.
void compose_taken_settings(BookFlow& book, const std::vector<PagePlan>& plans, ItemBuilder& builder);

}  // namespace recto::typeset
