// Pages as the page builder plans them, with folios, running heads, and links and bookmarks that find
// their pages.
#pragma once

#include "block_layout.hpp"
#include "flow.hpp"

namespace recto::typeset {

// How much of the pages to make: all of them, or only the labels and where each bookmark falls (for
// the printed contents, before the pages are made for good).
enum class Pagination { full, outline };

// The pages over the book's flow. A full pagination moves the glyph runs out of the flow's slices
// (the flow is spent: each slice is placed once); an outline pagination leaves the flow as it is.
PagedDoc paginate(BookFlow& book, const style::StyleSheet& sheet, ItemBuilder& folios, const DocInfo& info,
                  Pagination detail);

}  // namespace recto::typeset
