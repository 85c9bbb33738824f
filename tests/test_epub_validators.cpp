// The validators on what recto built: epubcheck 4.2.6 (0 fatals, errors and warnings; with -u, only the
// usage notes listed below) and Ace by DAISY 1.4.6 (0 violations; tests/tools/ace.sh installs it).
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "epub_file.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;

namespace {

// epubcheck's usage notes that a correct book still gets, and why.
const std::set<std::string> expected_usages = {
    "HTM-005",  // "an external reference was found": links to the web in the text
    "HTM-006",  // "an XHTML named entity was found": &amp; &lt; &gt;, which XML requires
    "HTM-010",  // "namespace uri … was found": the NCX namespace, required by EPUB 2 readers
    "CSS-025",  // "class selector could not be found": classes from the manuscript ({.class}), kept for
                // readers' own styles; recto's own classes all have rules
    "NAV-002",  // "found epub:type=page-list in nav document": the print edition's page-list
    "HTM-050",  // "found epub:type=pagebreak": the print edition's page markers
};

void check_epubcheck(const std::string& source) {
  const BuiltBook& book = built_book(source);
  RunResult r = run_command("java -jar /usr/share/java/epubcheck.jar -u '" + book.path.string() + "'");
  std::string out = r.out + r.err;
  INFO(out);
  CHECK(r.exit_code == 0);
  std::smatch m;
  REQUIRE(std::regex_search(out, m, std::regex(R"(Messages: (\d+) fatals / (\d+) errors / (\d+) warnings / (\d+) infos)")));
  CHECK(m[1] == "0");
  CHECK(m[2] == "0");
  CHECK(m[3] == "0");
  CHECK(m[4] == "0");
  std::set<std::string> usages;
  static const std::regex usage(R"(USAGE\(([A-Z]+-\d+)\))");
  for (std::sregex_iterator it(out.begin(), out.end(), usage), end; it != end; ++it) {
    usages.insert((*it)[1]);
  }
  for (const auto& code : usages) {
    INFO("usage note " << code);
    CHECK(expected_usages.count(code));
  }
}

void check_ace(const std::string& source) {
  const BuiltBook& book = built_book(source);
  fs::path report = book.path.parent_path() / "ace";
  RunResult r = run_command("bash tests/tools/ace.sh '" + book.path.string() + "' '" + report.string() + "'");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("violations: 0\n", 0) == 0);
}

}  // namespace

TEST_CASE("epubcheck passes the essay", "[epub][validators]") { check_epubcheck("source"); }
TEST_CASE("epubcheck passes the multi-chapter book", "[epub][validators]") { check_epubcheck("tests/corpus/books/multi"); }
TEST_CASE("epubcheck passes the reader corpus book", "[epub][validators]") { check_epubcheck("tests/corpus/reader"); }
TEST_CASE("Ace finds no violation in the essay", "[epub][validators]") { check_ace("source"); }
TEST_CASE("Ace finds no violation in the multi-chapter book", "[epub][validators]") { check_ace("tests/corpus/books/multi"); }
TEST_CASE("Ace finds no violation in the reader corpus book", "[epub][validators]") { check_ace("tests/corpus/reader"); }
