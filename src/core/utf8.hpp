// UTF-8 checks and character counting: validation with the first bad byte's position, column arithmetic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace recto::utf8 {

// Length in bytes of the valid UTF-8 sequence starting at s[i], or 0 if it is not valid there.
std::size_t sequence_length(std::string_view s, std::size_t i);

// Byte offset of the first invalid sequence, or npos when the text is valid UTF-8.
std::size_t first_invalid(std::string_view s);

// Number of characters (code points) in a valid UTF-8 string.
std::size_t count_chars(std::string_view s);

// The first `chars` characters of valid UTF-8 text, and an ellipsis after them where text was cut.
std::string excerpt(std::string_view s, std::size_t chars);

// Decodes the code point at s[i] (valid UTF-8 assumed) and advances i past it.
char32_t decode(std::string_view s, std::size_t& i);

void append(std::string& out, char32_t cp);

}  // namespace recto::utf8
