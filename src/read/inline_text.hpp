// Working with text inside inline sequences: merging adjacent Str nodes, cutting them at byte offsets.
#pragma once

#include <string>

#include "tree.hpp"

namespace recto {

// Joins neighbouring Str nodes (cmark-gfm splits text at brackets and other special characters).
void merge_adjacent_strs(Inlines& xs);

// The position of byte `offset` inside a Str that starts at `start` (a Str never spans lines).
SourceSpan span_at(const SourceSpan& start, const std::string& text, std::size_t offset);

// A Str holding text[from, to) of a Str node, with its position.
Inline str_piece(const Inline& str_node, std::size_t from, std::size_t to);

// Removes leading (front) or trailing (back) spaces of the text at the ends of a sequence.
void trim_inlines(Inlines& xs);

}  // namespace recto
