// Page building, simply: slices fill each page from the top; a slice that does not fit starts the next;
// headings stay with what follows; folios at the foot; links and bookmarks find their pages.
#pragma once

#include "block_layout.hpp"
#include "flow.hpp"

namespace recto::typeset {

PagedDoc paginate(Flow& flow, const style::StyleSheet& sheet, ItemBuilder& folios, const DocInfo& info);

}  // namespace recto::typeset
