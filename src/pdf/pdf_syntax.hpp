// How numbers and text are spelled in content streams and CMaps: locale-free, shortest,
// reproducible.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace recto::pdf {

// `value` rounded to `decimals` places, without trailing zeros or a negative zero: "12.5", "-0.25",
// "3".
std::string pdf_number(double value, int decimals = 3);

// The same, appended to `out`, or written into `buffer` (what is written is returned): a page
// stream writes a number every few glyphs.
void append_pdf_number(std::string& out, double value, int decimals = 3);
inline constexpr std::size_t kNumberRoom = 64;  // a number that needs more is written "0"
std::string_view format_pdf_number(char (&buffer)[kNumberRoom], double value, int decimals = 3);

// std::round (halves away from zero) without a call into libm: below 2^52 the truncation, the
// difference and the step are exact.
inline double round_half_away(double x) {
  if (!(x < 0x1p52 && x > -0x1p52)) return std::round(x);
  const auto t = static_cast<double>(static_cast<std::int64_t>(x));
  const double d = x - t;
  return d >= 0.5 ? t + 1 : d <= -0.5 ? t - 1 : t;
}

// The value `pdf_number` writes, read back.
inline double rounded(double value, int decimals = 3) {
  static constexpr double powers[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  double scale = decimals >= 0 && decimals < 7 ? powers[decimals] : std::pow(10.0, decimals);
  double r = round_half_away(value * scale) / scale;
  return r == 0 ? 0.0 : r;
}

// Whether a glyph stands for this text: most glyphs' texts are one byte, compared without a call to
// memcmp (the page streams and the font usage ask it for every glyph).
inline bool same_text(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.size() == 1 ? a[0] == b[0] : a == b);
}

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
