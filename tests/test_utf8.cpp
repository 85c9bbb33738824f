// UTF-8 validation and line/column arithmetic.
#include <catch2/catch.hpp>

#include "line_index.hpp"
#include "utf8.hpp"

using namespace recto;

TEST_CASE("first_invalid finds the first bad byte and accepts valid text", "[utf8]") {
  CHECK(utf8::first_invalid("plain ASCII") == std::string_view::npos);
  CHECK(utf8::first_invalid("隐私 — “quotes”") == std::string_view::npos);
  CHECK(utf8::first_invalid("ab\xFF") == 2);
  CHECK(utf8::first_invalid("\xC0\xAF") == 0);           // overlong '/'
  CHECK(utf8::first_invalid("x\xED\xA0\x80") == 1);      // a surrogate
  CHECK(utf8::first_invalid("\xF4\x90\x80\x80") == 0);   // above U+10FFFF
  CHECK(utf8::first_invalid("\xE9\x9A") == 0);           // truncated
}

TEST_CASE("columns count characters and not bytes", "[utf8]") {
  std::string text = "line one\n隐私 x\n";
  LineIndex lines(1, text);
  SourceSpan at = lines.at(text.find('x'));
  CHECK(at.line == 2);
  CHECK(at.col == 4);
  CHECK(lines.offset(2, 1) == 9);
}

TEST_CASE("an excerpt cuts between characters and marks the cut", "[utf8]") {
  CHECK(utf8::excerpt("隐私保护", 2) == "隐私\u2026");
  CHECK(utf8::excerpt("short", 40) == "short");
  CHECK(utf8::excerpt("exact", 5) == "exact");
  CHECK(utf8::excerpt("", 3).empty());
}
