// Source positions of inline nodes, found by walking the original source text beside the parsed
// inlines (cmark-gfm's own inline positions are missing after soft breaks and autolinks).
#pragma once

#include "line_index.hpp"
#include "tree.hpp"

namespace recto {

// Converts block positions from cmark's byte columns to character columns and gives every inline
// a position; blocks inside footnotes included.
void locate_positions(Blocks& blocks, const LineIndex& lines);

}  // namespace recto
