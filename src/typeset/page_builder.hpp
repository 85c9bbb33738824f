// The page builder: where pages break, which setting each paragraph takes, and what goes at the foot.
#pragma once

#include <vector>

#include "flow.hpp"
#include "stylesheet.hpp"

namespace recto::typeset {

// The leading grid of a theme's text block: body baselines lie at first + k × leading, measured down
// from the block's top; `bottom` is the lowest of them, where every full page ends.
struct Grid {
  double first = 0, leading = 0, bottom = 0;
};

Grid leading_grid(const style::StyleSheet& sheet);

// A slice on a page, with its baseline's distance down from the top of the text block.
struct PlacedSlice {
  const Slice* slice = nullptr;
  double baseline = 0;
};

struct PagePlan {
  std::vector<PlacedSlice> text;   // the text, from the top
  std::vector<PlacedSlice> notes;  // footnotes (or parts of them), ending on the grid's bottom
  double rule = 0;                 // where the rule above the footnotes goes (when there are any)
};

// Pages over the flow. Each page is filled from the top, body lines on the grid. Where a page would
// end with a paragraph's first line, start with its last, end in a hyphen or end with a heading,
// the builder tries each paragraph of the page one line shorter or longer (two of them when one is
// not enough), and moves lines to the next page only when no setting does. It weighs whole
// sequences of pages (a beam search), so that a setting on one page can mend the next; it prefers
// pages that end full, and among those the settings that cost the least in spacing. Each part (a
// chapter, the notes: each starts a page) is weighed on its own, the parts on the machine's cores,
// except that a footnote split on a part's last page continues on the next part's. The footnotes
// of the lines on a page stand at its foot; a note is split only when the page would otherwise be
// short.
std::vector<PagePlan> plan_pages(const BookFlow& book, const style::StyleSheet& sheet);

}  // namespace recto::typeset
