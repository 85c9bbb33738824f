// A broken line made into a slice: glue set to its final width, words as positioned glyph runs.
#pragma once

#include "flow.hpp"
#include "items.hpp"
#include "line_frame.hpp"
#include "linebreak_simple.hpp"

namespace recto::typeset {

Slice compose_line(const Items& items, const LineBreak& line, const LineFrame& given);

// The line as the page builder weighs it, without its glyphs: compose_line's slice but for its runs
// and links (its height, baseline, ids, notes and hyphen are the same).
Slice outline_line(const Items& items, const LineBreak& line, const LineFrame& frame);

}  // namespace recto::typeset
