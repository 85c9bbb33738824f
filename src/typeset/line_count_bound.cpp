// The bound: lines that each fit within their ratios must together fit the paragraph's totals.
#include "line_count_bound.hpp"

#include <algorithm>

namespace recto::typeset {

bool might_take(const Items& items, std::size_t lines, double measure, double min_ratio, double max_ratio) {
  if (lines == 0) return false;
  constexpr double fill = 1e6;  // \parfillskip's stretch (1e9) and a line break's: no bound on lines
  double width = 0, stretch = 0, shrink = 0, widest_gap = 0, gap = 0, widest_hyphen = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    if (it.kind == Item::penalty) {
      if (it.cost == forced_break && i + 1 < items.size()) return true;
      widest_hyphen = std::max(widest_hyphen, it.width);
      continue;
    }
    if (it.kind == Item::box) {
      widest_gap = std::max(widest_gap, gap);
      gap = 0;
    } else {
      if (it.stretch >= fill) continue;  // its width is 0; a line break's forced penalty follows it
      gap += it.width;
      stretch += it.stretch;
      shrink += it.shrink;
    }
    width += it.width;
  }
  // n lines, n − 1 breaks: each break drops at most the widest run of glue and may add a hyphen.
  // Every line but the last must reach the measure stretched at most max_ratio…
  const double breaks = static_cast<double>(lines - 1);
  if (width + breaks * widest_hyphen + max_ratio * stretch < breaks * measure) return false;
  // …and be no longer than the measure shrunk at min_ratio (< 0); the last line too.
  return width - breaks * widest_gap + min_ratio * shrink <= static_cast<double>(lines) * measure;
}

}  // namespace recto::typeset
