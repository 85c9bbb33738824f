// Themes: a built-in theme is read once per process, and each later reading is the first, placed in
// the file its own build gave the theme.
#include <catch2/catch.hpp>

#include "env.hpp"
#include "stylesheet.hpp"

TEST_CASE("a built-in theme read again is the first reading, its positions in its own build's theme file",
          "[style]") {
  recto::Env first, second;
  second.sources.add("book.yaml");  // the theme is another file of this build
  recto::Diagnostics diags;
  const auto a = recto::style::load_theme("a5", {}, first, diags);
  const auto b = recto::style::load_theme("a5", {}, second, diags);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(diags.all().empty());
  CHECK(b->body_font == a->body_font);
  CHECK(b->page_width == a->page_width);
  CHECK(b->margin_outer == a->margin_outer);
  CHECK(b->hyphenate == a->hyphenate);
  for (auto at : {&recto::style::StyleSheet::body_font_at, &recto::style::StyleSheet::heading_font_at}) {
    CHECK(first.sources.path(((*a).*at).file) == "styles/a5.yaml");
    CHECK(second.sources.path(((*b).*at).file) == "styles/a5.yaml");
    CHECK(((*b).*at).line == ((*a).*at).line);
    CHECK(((*b).*at).line > 0);
  }
}
