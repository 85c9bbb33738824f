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

TEST_CASE("first_invalid finds a bad byte at every place of the eight-byte words it skips", "[utf8]") {
  for (std::size_t at = 0; at < 20; ++at) {
    std::string text(20, 'a');
    text[at] = '\xFF';
    CHECK(utf8::first_invalid(text) == at);
    text[at] = 'a';
    text.replace(at, 1, "\xC3\xA9");  // é: valid wherever it falls
    CHECK(utf8::first_invalid(text) == std::string_view::npos);
  }
}

TEST_CASE("line starts are found at every place of a line", "[utf8]") {
  std::string text = "a\nbb\n\nccccccccccccccccc\nd";
  LineIndex lines(1, text);
  CHECK(lines.at(0).line == 1);
  CHECK(lines.at(2).line == 2);
  CHECK(lines.at(5).line == 3);
  CHECK(lines.at(6).line == 4);
  CHECK(lines.at(text.size() - 1).line == 5);
  CHECK(lines.at(text.size() - 1).col == 1);
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
