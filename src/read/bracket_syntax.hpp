// Pandoc's bracket syntax that cmark-gfm leaves as text: bracketed spans `[text]{attrs}` and
// bracketed citations `[see @key, p. 4]`, found over the merged text of each inline sequence.
#pragma once

#include "tree.hpp"

namespace recto {

// Rewrites one inline sequence (brackets must match within the same sequence, as in pandoc).
void apply_bracket_syntax(Inlines& xs);

}  // namespace recto
