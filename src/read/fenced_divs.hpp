// Pandoc fenced divs (`::: class` … `:::`) through cmark-gfm: fence lines are rewritten in place to
// one-line HTML comments before parsing (they interrupt paragraphs, lists and tables and keep line
// numbers), and the blocks between an opening and a closing comment are gathered into a Div afterwards.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diagnostics.hpp"
#include "line_index.hpp"
#include "tree.hpp"

namespace recto {

// Rewrites fence lines (outside code fences, after any `>` prefixes); reports unclosed fences.
// nullopt when divs nest deeper than max_nesting (an error): the chapter is not read.
std::optional<std::string> rewrite_div_fences(std::string_view text, const LineIndex& original, Diagnostics& diags);

// Turns the rewritten comments back into nested Div blocks, everywhere in the tree.
void gather_divs(Blocks& blocks);

}  // namespace recto
