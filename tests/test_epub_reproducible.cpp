// Reproducible EPUBs: the same input gives the same bytes in any time zone and locale; SOURCE_DATE_EPOCH
// changes the dates and nothing else.
#include <catch2/catch.hpp>

#include <random>

#include "epub_file.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;

namespace {

struct Build {
  fs::path dir;
  EpubFile epub;
  ~Build() { fs::remove_all(dir); }
};

std::unique_ptr<Build> build_with(const std::string& environment, const std::string& source = "source") {
  static std::mt19937 rng{std::random_device{}()};
  auto b = std::make_unique<Build>();
  b->dir = fs::temp_directory_path() / ("recto-repro-" + std::to_string(rng()));
  RunResult r = run_command("env " + environment + " " + RECTO_BINARY + " build --quiet --format epub -o '" + b->dir.string() +
                            "' '" + source + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const auto& e : fs::directory_iterator(b->dir)) b->epub = open_epub(e.path());
  return b;
}

}  // namespace

TEST_CASE("two builds of the same book are byte-identical, in any time zone and locale", "[epub]") {
  for (const char* source : {"source", "tests/corpus/books/multi"}) {
    DYNAMIC_SECTION(source) {
      auto first = build_with("-u SOURCE_DATE_EPOCH TZ=UTC LC_ALL=C", source);
      auto again = build_with("-u SOURCE_DATE_EPOCH TZ=UTC LC_ALL=C", source);
      auto elsewhere = build_with("-u SOURCE_DATE_EPOCH TZ=Pacific/Kiritimati LC_ALL=C.UTF-8", source);
      auto west = build_with("-u SOURCE_DATE_EPOCH TZ=America/Los_Angeles LANG=fr_FR.UTF-8", source);
      CHECK(first->epub.bytes == again->epub.bytes);
      CHECK(first->epub.bytes == elsewhere->epub.bytes);
      CHECK(first->epub.bytes == west->epub.bytes);
    }
  }
}

TEST_CASE("SOURCE_DATE_EPOCH changes only the dates", "[epub]") {
  auto manuscript_date = build_with("-u SOURCE_DATE_EPOCH");
  auto epoch = build_with("SOURCE_DATE_EPOCH=1700000000");  // 2023-11-14T22:13:20Z
  CHECK(manuscript_date->epub.bytes != epoch->epub.bytes);
  REQUIRE(manuscript_date->epub.order == epoch->epub.order);
  for (const auto& name : epoch->epub.order) {
    std::string a = manuscript_date->epub.entries.at(name), b = epoch->epub.entries.at(name);
    if (name == "EPUB/content.opf") {
      CHECK(b.find("<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>") != std::string::npos);
      b.replace(b.find("2023-11-14T22:13:20Z"), 20, "2019-01-01T00:00:00Z");
    } else if (name == "EPUB/colophon.xhtml") {
      CHECK(b.find("made on 2023-11-14 with") != std::string::npos);
      b.replace(b.find("2023-11-14"), 10, "2019-01-01");
    }
    INFO(name);
    CHECK(a == b);
  }
}

TEST_CASE("a SOURCE_DATE_EPOCH that is not a number is a usage error", "[epub][cli]") {
  RunResult r = run_command(std::string("SOURCE_DATE_EPOCH=yesterday ") + RECTO_BINARY + " build -o /tmp/never source");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("SOURCE_DATE_EPOCH") != std::string::npos);
  CHECK(!fs::exists("/tmp/never"));
}
