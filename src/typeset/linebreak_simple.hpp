// First-fit line breaking: each line takes as many items as fit, and breaks at the last glue that did.
#pragma once

#include <cstddef>
#include <vector>

#include "items.hpp"

namespace recto::typeset {

struct LineBreak {
  std::size_t begin = 0, end = 0;  // items [begin, end) are on the line (the break's glue is not)
  bool forced = false;             // ends at a forced break or the paragraph's end: not justified
};

// First fit, as a stand-in for total fit: walking the items, a line ends at its last legal break
// (glue after a box, or a penalty) once the next box would not fit even with every glue shrunk.
// A box wider than the measure gets a line of its own (an overfull line). The last line is
// `forced`, like any line ending at a forced break. Hyphenation points (flagged penalties) are not
// used: first fit sets ragged and centred text, which reads better unhyphenated.
std::vector<LineBreak> break_lines_first_fit(const Items& items, double measure, double first_indent_measure);

}  // namespace recto::typeset
