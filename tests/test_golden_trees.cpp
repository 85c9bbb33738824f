// Golden tree dumps: the reader corpus and the essay, compared with tests/golden/*.tree.
// RECTO_UPDATE_GOLDEN=1 rewrites the golden files (then read the diff before committing).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <vector>

#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;

namespace {

std::string dump_with_diagnostics(const ReadResult& r) {
  std::string out = r.tree_dump();
  std::string diags = r.diagnostics();
  if (!diags.empty()) out += "--- diagnostics\n" + diags;
  return out;
}

void compare_with_golden(const std::string& actual, const fs::path& golden) {
  if (std::getenv("RECTO_UPDATE_GOLDEN")) {
    fs::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << actual;
  }
  INFO("golden file: " << golden.string());
  REQUIRE(fs::exists(golden));
  CHECK(actual == read_text(golden));
}

}  // namespace

TEST_CASE("reader corpus matches its golden tree dumps", "[golden]") {
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator("tests/corpus/reader")) {
    if (e.path().extension() == ".md") cases.push_back(e.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 40);
  for (const auto& md : cases) {
    DYNAMIC_SECTION(md.filename().string()) {
      ReadResult r = read(md, "tests/corpus/reader/references.yaml");
      compare_with_golden(dump_with_diagnostics(r), fs::path("tests/golden/reader") / md.stem().concat(".tree"));
    }
  }
}

TEST_CASE("the essay matches its golden tree dump", "[golden]") {
  ReadResult r = read("source");
  CHECK(r.diagnostics().empty());
  compare_with_golden(dump_with_diagnostics(r), "tests/golden/essay.tree");
}
