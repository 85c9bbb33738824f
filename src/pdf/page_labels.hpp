// Page labels as the PDF numbers them: ranges of decimal or roman numbers, or fixed text.
#pragma once

#include <string>
#include <vector>

namespace recto::pdf {

struct PageLabelRange {
  unsigned first_page = 0;  // 0-based index of the range's first page
  char style = 0;           // 'D' decimal, 'r' or 'R' roman, 0 for the prefix alone
  std::string prefix;       // printed before the number: "A-" in "A-1"
  unsigned start = 1;       // the number of the range's first page
};

// The fewest ranges that give every page its printed label: "iii" is lower roman 3, "A-12" is
// prefix "A-" with decimal 12, "Cover" is a prefix alone. No ranges when no page has a label.
std::vector<PageLabelRange> page_label_ranges(const std::vector<std::string>& labels);

}  // namespace recto::pdf
