// Backslash escapes that cmark-gfm would resolve before recto's passes see them (`\[ \] \{ \} \@`)
// are protected as private-use placeholders, then restored once the passes are done.
#pragma once

#include <string>
#include <string_view>

#include "tree.hpp"

namespace recto {

// `\[` → U+E05B and so on, for the characters recto's own syntax uses.
std::string protect_escapes(std::string_view text);

// The placeholder character for an escaped ASCII char, as UTF-8 (for matching against the source).
bool is_placeholder(char32_t cp);
char placeholder_original(char32_t cp);

// In text: placeholder → the character; in code: placeholder → backslash and the character.
void restore_escapes(Blocks& blocks);

}  // namespace recto
