// Markdown → blocks: cmark-gfm with GFM extensions and smart punctuation, then recto's pandoc passes.
#pragma once

#include <string_view>

#include "diagnostics.hpp"
#include "line_index.hpp"
#include "tree.hpp"

namespace recto {

// Parses one chapter (front matter already blanked out) into blocks with source spans.
Blocks read_markdown(std::string_view text, const LineIndex& lines, Diagnostics& diags);

// The cmark-gfm layer alone: CommonMark + GFM → blocks, block positions from cmark, no extensions
// of ours. `text` is what cmark parses (escapes protected, div fences rewritten). Nesting deeper
// than max_nesting is an error, and gives no blocks.
Blocks parse_commonmark(std::string_view text, FileId file, Diagnostics& diags);

}  // namespace recto
