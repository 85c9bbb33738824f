// Hyphenating a book's words ahead of the typesetting: the points kept, a stop asked for after every
// word and obeyed.
#include <catch2/catch.hpp>

#include <string>

#include "hyphenate_ahead.hpp"
#include "support.hpp"

TEST_CASE("hyphenate_ahead asks to stop after every word, stops when told, and reads the book's patterns",
          "[hyphenation]") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "communication ";
  const recto::test::ReadResult book = recto::test::read_files({{"chapter.md", text + "\n\nA second paragraph.\n"}});
  REQUIRE(!book.doc.divisions.empty());

  recto::text::Hyphenator hyphenator;
  int asked = 0;
  recto::typeset::hyphenate_ahead(book.doc, hyphenator, [&] {
    ++asked;
    return false;
  });
  CHECK(asked == 103);
  CHECK(!hyphenator.files().empty());

  recto::text::Hyphenator stopped;
  asked = 0;
  recto::typeset::hyphenate_ahead(book.doc, stopped, [&] { return ++asked == 2; });
  CHECK(asked == 2);
}
