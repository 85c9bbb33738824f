// Pandoc attribute blocks.
#include <catch2/catch.hpp>

#include "attributes.hpp"

using namespace recto;

TEST_CASE("attribute blocks parse ids and classes and key-values and the unnumbered dash", "[attributes]") {
  auto a = parse_attributes(R"({#intro .note .wide lang=zh title="Two words"})");
  REQUIRE(a);
  CHECK(a->id == "intro");
  CHECK(a->classes == std::vector<std::string>{"note", "wide"});
  REQUIRE(a->kv.size() == 2);
  CHECK(a->kv[0] == std::pair<std::string, std::string>{"lang", "zh"});
  CHECK(a->kv[1] == std::pair<std::string, std::string>{"title", "Two words"});

  auto dash = parse_attributes("{-}");
  REQUIRE(dash);
  CHECK(dash->classes == std::vector<std::string>{"unnumbered"});

  auto curly = parse_attributes("{title=“smart quotes”}");
  REQUIRE(curly);
  CHECK(curly->kv[0].second == "smart quotes");
}

TEST_CASE("text that is not an attribute block is refused", "[attributes]") {
  CHECK_FALSE(parse_attributes("{not attributes}"));
  CHECK_FALSE(parse_attributes("{#}"));
  CHECK_FALSE(parse_attributes("{key=\"unterminated}"));
  CHECK_FALSE(parse_attributes("no braces"));
}
