// Running epubcheck (java -jar: Debian 12's /usr/bin/epubcheck wrapper does not run) and reading its
// summary line and usage notes.
#include "epubcheck.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

#include "support.hpp"

namespace recto::test {

namespace {

// epubcheck's usage notes that a correct book still gets, and why.
const std::set<std::string> expected_usages = {
    "HTM-005",  // "an external reference was found": links to the web in the text
    "HTM-006",  // "an XHTML named entity was found": &amp; &lt; &gt;, which XML requires
    "HTM-010",  // "namespace uri … was found": the NCX namespace, required by EPUB 2 readers
    "CSS-025",  // "class selector could not be found": classes from the manuscript ({.class}), kept for
                // readers' own styles, and a kepub's koboSpan; recto's own classes all have rules
    "NAV-002",  // "found epub:type=page-list in nav document": the print edition's page-list
    "HTM-050",  // "found epub:type=pagebreak": the print edition's page markers
};

}  // namespace

void check_epubcheck(const std::filesystem::path& epub, const std::set<std::string>& also_expected) {
  RunResult r = run_command("java -jar /usr/share/java/epubcheck.jar -u '" + epub.string() + "'");
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
    CHECK((expected_usages.count(code) || also_expected.count(code)));
  }
}

}  // namespace recto::test
