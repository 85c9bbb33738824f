// Pages as the page builder plans them, with folios, running heads, and links and bookmarks that find
// their pages.
#pragma once

#include "block_layout.hpp"
#include "flow.hpp"
#include "page_builder.hpp"

namespace recto::typeset {

// How much of the pages to make: all of them, or only the labels and where each bookmark falls (for
// the printed contents, before the pages are made for good).
enum class Pagination { full, outline };

// The pages as planned (plan_pages). A full pagination moves the glyph runs out of the planned
// slices (their flow is spent: each slice is placed once); an outline pagination leaves them as
// they are.
PagedDoc paginate(const std::vector<PagePlan>& plans, const style::StyleSheet& sheet, ItemBuilder& folios,
                  const DocInfo& info, Pagination detail);

}  // namespace recto::typeset
