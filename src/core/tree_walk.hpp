// Generic traversals of the tree: every block, every inline, every inline sequence, notes included.
#pragma once

#include <functional>

#include "tree.hpp"

namespace recto {

// Calls f on every block, parents before children, descending into notes, lists, quotes and divs.
void walk_blocks(Blocks& blocks, const std::function<void(Block&)>& f);

// Calls f on every inline, parents before children, in every block (and citation prefix/suffix).
void walk_inlines(Blocks& blocks, const std::function<void(Inline&)>& f);

// Read-only forms of the two walks above.
void walk_blocks(const Blocks& blocks, const std::function<void(const Block&)>& f);
void walk_inlines(const Blocks& blocks, const std::function<void(const Inline&)>& f);

// Calls f on every sequence of inlines, then descends into the (possibly changed) sequence.
void walk_inline_lists(Blocks& blocks, const std::function<void(Inlines&)>& f);

// Child inlines of a container inline (emphasis, link, image alt, span), or nullptr.
Inlines* inline_children(Inline& x);
const Inlines* inline_children(const Inline& x);

// Calls f on each block list directly inside b (quote, div, list items) and on each inline list of b
// (its content, or its table cells); not deeper.
void for_each_child(Block& b, const std::function<void(Blocks&)>& on_blocks,
                    const std::function<void(Inlines&)>& on_inlines);

// The text of inlines as a reader hears it: text and code, breaks as spaces, formatting dropped,
// notes left out.
std::string plain_text(const Inlines& xs);

// Inline content of a block (paragraph, heading, caption), or nullptr.
Inlines* block_inlines(Block& b);

}  // namespace recto
