// The typesetter's page dumps of the essay, per theme, compared with tests/golden/essay-THEME.pages
// (RECTO_UPDATE_GOLDEN=1 rewrites them; read the diff before committing).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;

TEST_CASE("the essay's pages match their golden dumps in every theme", "[golden][pages]") {
  for (const char* theme : {"trade", "a5", "ereader"}) {
    DYNAMIC_SECTION(theme) {
      RunResult r = run_recto(std::string("pages --theme ") + theme + " source");
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
      fs::path golden = fs::path("tests/golden") / (std::string("essay-") + theme + ".pages");
      if (std::getenv("RECTO_UPDATE_GOLDEN")) std::ofstream(golden, std::ios::binary) << r.out;
      REQUIRE(fs::exists(golden));
      CHECK(r.out == read_text(golden));
    }
  }
}

TEST_CASE("every glyph run of the page dump carries an anchor into the tree", "[pages]") {
  RunResult r = run_recto("pages source");
  REQUIRE(r.exit_code == 0);
  std::size_t runs = 0, anchored = 0, pos = 0;
  while ((pos = r.out.find("\n  text ", pos)) != std::string::npos) {
    std::size_t end = r.out.find('\n', pos + 1);
    std::string line = r.out.substr(pos + 1, end - pos - 1);
    ++runs;
    bool is_folio = line.find("@0:0") != std::string::npos;  // folios belong to no node
    anchored += is_folio || line.find(" @0:") == std::string::npos;
    pos = end;
  }
  CHECK(runs > 300);
  CHECK(anchored == runs);
}
