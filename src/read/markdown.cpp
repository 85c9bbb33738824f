// Reading one chapter's Markdown: cmark-gfm, then the pandoc passes in their order.
#include "markdown.hpp"

#include "bracket_syntax.hpp"
#include "citation_syntax.hpp"
#include "escapes.hpp"
#include "fenced_divs.hpp"
#include "heading_attributes.hpp"
#include "implicit_figures.hpp"
#include "inline_positions.hpp"
#include "input_limits.hpp"
#include "inline_text.hpp"
#include "tree_walk.hpp"
#include "unsupported_syntax.hpp"

namespace recto {

Blocks read_markdown(std::string_view text, const LineIndex& lines, Diagnostics& diags) {
  if (std::size_t line = paragraph_with_too_many_brackets(text)) {
    diags.error({lines.file(), static_cast<std::uint32_t>(line), 1}, "input-limit",
                "this paragraph has more than " + std::to_string(max_brackets_per_paragraph) +
                    " '[': the chapter is not read (parsing it would take too long)",
                "split the paragraph, or write the brackets as \\[");
    return {};
  }
  std::optional<std::string> prepared = rewrite_div_fences(protect_escapes(text), lines, diags);
  if (!prepared) return {};
  Blocks blocks = parse_commonmark(*prepared, lines.file(), diags);
  locate_positions(blocks, lines);
  gather_divs(blocks);
  apply_heading_attributes(blocks);
  walk_inline_lists(blocks, apply_bracket_syntax);
  walk_inline_lists(blocks, find_in_text_citations);
  make_implicit_figures(blocks);
  warn_unsupported_syntax(blocks, diags);
  restore_escapes(blocks);
  walk_inline_lists(blocks, merge_adjacent_strs);
  return blocks;
}

}  // namespace recto
