// Total-fit line breaking (Knuth and Plass, "Breaking paragraphs into lines", 1981) over boxes, glue and
// penalties, with fitness classes, hyphen demerits, looseness and an emergency pass.
#pragma once

#include <array>
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
  double adjacent_hyphens = 3000;   // demerits when two consecutive lines end in hyphens (\doublehyphendemerits)
  double final_hyphen = 5000;       // demerits when the second-last line ends in a hyphen (\finalhyphendemerits)
  double fitness_demerits = 100;    // when adjacent lines differ by more than one fitness class (\adjdemerits)
  int max_hyphen_run = 2;           // never more consecutive hyphenated lines than this
  int looseness = 0;                // ±n lines from the optimum, when feasible (\looseness)
  double emergency_stretch = 0;     // extra stretch per line in a last pass (\emergencystretch)
};

struct BreakResult {
  std::vector<LineBreak> lines;
  // The ratio each line is set at with its own glue: −1 … the tolerance's bound (beyond it after the
  // emergency pass); 0 for `forced` lines that are short (set at natural width), < 0 if they shrink.
  std::vector<double> ratios;
  double demerits = 0;         // total demerits of the chosen breaks (0 for the greedy fallback)
  bool feasible = true;        // false: no feasible breaks, the greedy fallback was used
  std::vector<std::size_t> overfull;  // indexes of lines wider than the measure (fallback only)
};

// The breaks of least total demerits, TeX's way (see the .cpp). Lines are LineBreak{begin, end,
// forced}: `end` is the break item (a penalty's width is the line's last, as its hyphen). Glue is
// assumed to shrink no more than its width, as TeX's does. Items that do not end with a forced
// break are closed as if by TeX's \parfillskip; the last line then ends at items.size().
BreakResult break_lines_optimized(const Items& items, const BreakParams& params);

// What break_lines_optimized gives at looseness −1 and at +1 (params.looseness aside), for the cost
// of one: the passes are the same for both but for the line count chosen at the end. A looseness
// not wanted gives no lines (infeasible), and a pass that only it would need is not made: the
// hyphenating pass at `tolerance` is most of the time spent breaking.
std::array<BreakResult, 2> break_lines_tighter_and_looser(const Items& items, const BreakParams& params,
                                                          std::array<bool, 2> wanted = {true, true});

}  // namespace recto::typeset
