// Total-fit line breaking (Knuth and Plass, "Breaking paragraphs into lines", 1981) over boxes, glue and
// penalties, with fitness classes, hyphen demerits, looseness and an emergency pass.
#pragma once

#include <vector>

#include "items.hpp"
#include "linebreak_simple.hpp"

namespace recto::typeset {

struct BreakParams {
  double measure = 300;             // every line's width
  double first_measure = -1;        // the first line's, when it differs (< 0: same as measure)
  double tolerance = 200;           // the largest badness of a feasible line (TeX's \tolerance)
  double pretolerance = 100;        // a first pass without hyphenation (TeX's \pretolerance; < 0: none)
  double line_penalty = 10;         // added to every line's badness before squaring (\linepenalty)
  double hyphen_penalty = 50;       // cost of a break at a flagged penalty whose cost is 0 is not assumed:
                                    // items carry their own cost; this is used by the builder
  double adjacent_hyphens = 3000;   // demerits when two consecutive lines end in hyphens (\doublehyphendemerits)
  double final_hyphen = 5000;       // demerits when the second-last line ends in a hyphen (\finalhyphendemerits)
  double fitness_demerits = 100;    // when adjacent lines differ by more than one fitness class (\adjdemerits)
  int max_hyphen_run = 2;           // never more consecutive hyphenated lines than this
  int looseness = 0;                // ±n lines from the optimum, when feasible (\looseness)
  double emergency_stretch = 0;     // extra stretch per line in a last pass (\emergencystretch)
};

struct BreakResult {
  std::vector<LineBreak> lines;
  std::vector<double> ratios;  // each line's adjustment ratio (−1 … tolerance-bounded; the last line 0)
  double demerits = 0;         // total demerits of the chosen breaks (0 for the greedy fallback)
  bool feasible = true;        // false: no feasible breaks, the greedy fallback was used
  std::vector<std::size_t> overfull;  // indexes of lines wider than the measure (fallback only)
};

BreakResult break_lines_optimized(const Items& items, const BreakParams& params);

}  // namespace recto::typeset
