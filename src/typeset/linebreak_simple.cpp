// The first-fit line breaker.
#include "linebreak_simple.hpp"

namespace recto::typeset {

std::vector<LineBreak> break_lines_first_fit(const Items& items, double measure, double first_measure) {
  std::vector<LineBreak> lines;
  std::size_t begin = 0;
  double natural = 0, shrink = 0;
  std::size_t last_break = 0;
  bool has_break = false;
  auto width_limit = [&]() { return lines.empty() ? first_measure : measure; };
  auto start_line = [&](std::size_t at) {
    begin = at;
    while (begin < items.size() && items[begin].kind != Item::box) ++begin;  // no glue at a line's start
    natural = shrink = 0;
    has_break = false;
  };
  start_line(0);
  for (std::size_t i = begin; i < items.size(); ++i) {
    const Item& it = items[i];
    if (it.kind == Item::penalty) {
      if (it.flagged) continue;  // ragged text is not hyphenated
      if (it.cost == forced_break) {
        lines.push_back({begin, i, true});
        start_line(i + 1);
        i = begin - 1;
        continue;
      }
      last_break = i;
      has_break = true;
      continue;
    }
    if (it.kind == Item::glue) {
      if (it.expansion) continue;  // ragged lines keep their glyphs' widths
      if (i > begin && items[i - 1].kind == Item::box) {
        last_break = i;
        has_break = true;
      }
      natural += it.width;
      shrink += it.shrink;
      continue;
    }
    if (natural + it.width - shrink > width_limit() && has_break) {
      lines.push_back({begin, last_break, false});
      start_line(last_break + 1);
      i = begin - 1;
      continue;
    }
    natural += it.width;
  }
  if (begin < items.size()) lines.push_back({begin, items.size(), true});
  return lines;
}

}  // namespace recto::typeset
