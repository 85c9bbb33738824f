// Pages as the page builder plans them, with folios, running heads, and links and bookmarks that find
// their pages.
#pragma once

#include "block_layout.hpp"
#include "flow.hpp"

namespace recto::typeset {

PagedDoc paginate(const BookFlow& book, const style::StyleSheet& sheet, ItemBuilder& folios, const DocInfo& info);

}  // namespace recto::typeset
