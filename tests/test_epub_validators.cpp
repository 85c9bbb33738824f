// The validators on what recto built: epubcheck 4.2.6 (0 fatals, errors and warnings; with -u, only the
// usage notes listed in epubcheck.cpp) and Ace by DAISY 1.4.6 (0 violations; tests/tools/ace.sh installs it).
#include <catch2/catch.hpp>

#include "epub_file.hpp"
#include "epubcheck.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;

namespace {

void check_ace(const std::string& source) {
  const BuiltBook& book = built_book(source);
  fs::path report = book.path.parent_path() / "ace";
  RunResult r = run_command("bash tests/tools/ace.sh '" + book.path.string() + "' '" + report.string() + "'");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("violations: 0\n", 0) == 0);
}

}  // namespace

TEST_CASE("epubcheck passes the essay", "[epub][validators]") {
  check_epubcheck(built_book("source").path);
}
TEST_CASE("epubcheck passes the multi-chapter book", "[epub][validators]") {
  check_epubcheck(built_book("tests/corpus/books/multi").path);
}
TEST_CASE("epubcheck passes the reader corpus book", "[epub][validators]") {
  check_epubcheck(built_book("tests/corpus/reader").path);
}
TEST_CASE("Ace finds no violation in the essay", "[epub][validators]") { check_ace("source"); }
TEST_CASE("Ace finds no violation in the multi-chapter book", "[epub][validators]") { check_ace("tests/corpus/books/multi"); }
TEST_CASE("Ace finds no violation in the reader corpus book", "[epub][validators]") { check_ace("tests/corpus/reader"); }
