// How numbers and text are spelled in content streams and CMaps: locale-free, shortest,
// reproducible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace recto::pdf {

// `value` rounded to `decimals` places, without trailing zeros or a negative zero: "12.5", "-0.25",
// "3".
std::string pdf_number(double value, int decimals = 3);

// The value `pdf_number` writes, read back.
double rounded(double value, int decimals = 3);

// Four upper-case hex digits: a 2-byte glyph code of an Identity-H font.
std::string hex4(std::uint32_t code);

// UTF-8 text as UTF-16BE bytes, surrogate pairs for characters beyond the BMP and U+FFFD for
// invalid bytes; no byte order mark.
std::string utf16be(std::string_view utf8);

// The same as upper-case hex digits.
std::string utf16be_hex(std::string_view utf8);

// The longest string a PDF reader must take (PDF 1.7, Annex C); libharu refuses any over 65535.
inline constexpr std::size_t kMaxStringBytes = 32767;

}  // namespace recto::pdf
