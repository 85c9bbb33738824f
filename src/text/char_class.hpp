// What the shaper needs to know of a character to split text into runs of one face.
#pragma once

#include <cstddef>
#include <string_view>

namespace recto::text {

enum class CharClass {
  ordinary,
  space,      // a space separator: stays with the face before it when that face has it
  mark,       // a combining mark or emoji modifier: set in the face of the character it belongs to
  ignorable,  // default-ignorable (joiners, variation selectors, soft hyphen): takes any face
};

CharClass classify(char32_t c);

// Decodes the character at text[i] and advances i past it; a byte that does not start valid UTF-8
// is one U+FFFD.
char32_t next_char(std::string_view text, std::size_t& i);

}  // namespace recto::text
