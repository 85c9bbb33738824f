// Number and string spelling for the content streams we write ourselves.
#include "pdf_syntax.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

#include "utf8.hpp"

namespace recto::pdf {

std::string pdf_number(double value, int decimals) {
  char buffer[kNumberRoom];
  return std::string(format_pdf_number(buffer, value, decimals));
}

void append_pdf_number(std::string& out, double value, int decimals) {
  char buffer[kNumberRoom];
  out += format_pdf_number(buffer, value, decimals);
}

std::string_view format_pdf_number(char (&buffer)[kNumberRoom], double value, int decimals) {
  // Most numbers, fast: the count of the last decimal place, written with the point put in. It is
  // what the general way below writes, since a count under 2^53 divided by a power of ten comes
  // back to itself when written with that many decimals.
  static const std::int64_t scales[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  if (decimals >= 0 && decimals < 7 && std::abs(value) < 1e9) {
    const std::int64_t scale = scales[decimals];
    const auto count = static_cast<std::int64_t>(round_half_away(value * static_cast<double>(scale)));
    std::uint64_t whole = static_cast<std::uint64_t>(count < 0 ? -count : count);
    std::uint64_t fraction = whole % static_cast<std::uint64_t>(scale);
    whole /= static_cast<std::uint64_t>(scale);
    char* end = buffer;
    if (count < 0) *end++ = '-';
    end = std::to_chars(end, buffer + kNumberRoom, whole).ptr;
    if (fraction != 0) {
      int digits = decimals;
      while (fraction % 10 == 0) fraction /= 10, --digits;
      *end++ = '.';
      char* last = end + digits;
      for (char* p = last; p != end; fraction /= 10) *--p = static_cast<char>('0' + fraction % 10);
      end = last;
    }
    return {buffer, static_cast<std::size_t>(end - buffer)};
  }
  auto [end, error] = std::to_chars(buffer, buffer + kNumberRoom, rounded(value, decimals),
                                    std::chars_format::fixed, decimals);
  if (error != std::errc()) return "0";
  std::string_view s(buffer, static_cast<std::size_t>(end - buffer));
  if (s.find('.') != std::string_view::npos) {
    while (s.back() == '0') s.remove_suffix(1);
    if (s.back() == '.') s.remove_suffix(1);
  }
  return s;
}

std::string hex4(std::uint32_t code) {
  static const char digits[] = "0123456789ABCDEF";
  std::string s(4, '0');
  for (int i = 3; i >= 0; --i, code >>= 4) s[static_cast<std::size_t>(i)] = digits[code & 0xF];
  return s;
}

std::string utf16be(std::string_view utf8) {
  std::string out;
  auto unit = [&out](char32_t u) {
    out += static_cast<char>(u >> 8);
    out += static_cast<char>(u & 0xFF);
  };
  std::size_t i = 0;
  while (i < utf8.size()) {
    char32_t c = 0xFFFD;
    if (utf8::sequence_length(utf8, i) == 0) {
      ++i;
    } else {
      c = utf8::decode(utf8, i);
    }
    if (c >= 0x10000) {
      c -= 0x10000;
      unit(0xD800 + (c >> 10));
      unit(0xDC00 + (c & 0x3FF));
    } else {
      unit(c);
    }
  }
  return out;
}

std::string utf16be_hex(std::string_view utf8) {
  static const char digits[] = "0123456789ABCDEF";
  std::string hex;
  for (unsigned char byte : utf16be(utf8)) {
    hex += digits[byte >> 4];
    hex += digits[byte & 0xF];
  }
  return hex;
}

}  // namespace recto::pdf
