// Pandoc attribute blocks: `{#id .class key=value key="a value" -}`.
#pragma once

#include <optional>
#include <string_view>

#include "tree.hpp"

namespace recto {

// Parses the text between (and including) the braces; nullopt if it is not an attribute block.
// Curly quotes (from smart punctuation) are accepted as quotes.
std::optional<Attr> parse_attributes(std::string_view braced);

}  // namespace recto
