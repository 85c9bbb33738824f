// Pandoc's citation syntax: keys, bracketed citation groups and in-text citations.
#pragma once

#include <optional>
#include <string_view>

#include "tree.hpp"

namespace recto {

// Length of a citation key starting at s[i] (after the '@'), 0 if none. Internal punctuation
// (:.#$%&-+?<>~/) is part of a key only when a letter, digit or '_' follows it.
std::size_t citation_key_length(std::string_view s, std::size_t i);

// The content of `[ … ]` read as citations separated by ';' (`[see @a, p. 4; -@b]`), or nullopt.
std::optional<Cite> parse_bracketed_citation(const Inlines& content);

// Finds in-text citations (`@key`, `@key [p. 4]`) in every Str of a sequence.
void find_in_text_citations(Inlines& xs);

}  // namespace recto
