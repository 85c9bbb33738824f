// The recto command line: check and tree on the essay, JSON output, usage and I/O exit codes, the
// styles of diagnostics.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "support.hpp"

using namespace recto::test;

namespace {

int count_lines_matching(const std::string& text, const std::regex& re) {
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) n += std::regex_search(line, re) ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("recto check source prints nothing and exits 0", "[cli]") {
  RunResult r = run_recto("check source");
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
}

TEST_CASE("recto tree source shows the essay paragraphs and pull quotes and citations", "[cli]") {
  RunResult r = run_recto("tree --raw source");
  REQUIRE(r.exit_code == 0);
  // Body paragraphs sit directly in the division (4 spaces); the author note's inside its div.
  CHECK(count_lines_matching(r.out, std::regex("^    Para ")) == 37);
  CHECK(count_lines_matching(r.out, std::regex("^    Div .*class=\"pullquote\"")) == 3);
  CHECK(count_lines_matching(r.out, std::regex("^    Div .*class=\"author-note\"")) == 1);
  CHECK(count_lines_matching(r.out, std::regex("^      Para ")) == 4);
  const char* ids[] = {"iqbal2019", "muncaster2013", "guilford2013", "yuan2019", "davis2018",
                       "zheng2017", "ruan2016", "sacks2019", "xia2018", "mclaughlin2017",
                       "economist2018", "botsman2017", "shen2019", "liao2019"};
  std::regex citation("Citation \\d+:\\d+ id=\"([^\"]+)\"");
  std::vector<std::string> found;
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), citation), end; it != end; ++it) {
    found.push_back((*it)[1]);
  }
  CHECK(found == std::vector<std::string>(std::begin(ids), std::end(ids)));
  CHECK(count_lines_matching(r.out, std::regex("^      Cite ")) == 14);
}

TEST_CASE("recto tree source shows the resolved tree with 14 numbered notes and the References", "[cli]") {
  RunResult r = run_recto("tree source");
  REQUIRE(r.exit_code == 0);
  CHECK(count_lines_matching(r.out, std::regex("^      Cite ")) == 0);
  CHECK(count_lines_matching(r.out, std::regex("^      Note \\d+:\\d+ number=\"\\d+\" id=\"note-\\d+\"")) == 14);
  CHECK(count_lines_matching(r.out, std::regex("^  Division .*name=\"references\"")) == 1);
  CHECK(count_lines_matching(r.out, std::regex("^        Div .*id=\"ref-")) == 14);
}

TEST_CASE("recto tree --json prints one JSON document", "[cli]") {
  RunResult r = run_recto("tree --json --raw source");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("{\"kind\":\"Document\"", 0) == 0);
  CHECK(r.out.find("{\"kind\":\"Citation\",\"line\":17,\"col\":466,\"fields\":[[\"id\",\"iqbal2019\"]") !=
        std::string::npos);
}

TEST_CASE("exit codes: usage 2 and unreadable source 3 and manuscript errors 1", "[cli]") {
  CHECK(run_recto("").exit_code == 2);
  CHECK(run_recto("frobnicate").exit_code == 2);
  CHECK(run_recto("check --no-such-flag source").exit_code == 2);
  CHECK(run_recto("check source extra-argument").exit_code == 2);
  RunResult missing = run_recto("check no/such/folder");
  CHECK(missing.exit_code == 3);
  CHECK(missing.err == "recto: error: cannot read 'no/such/folder': no such file or folder\n");
  RunResult bad = run_recto("check tests/corpus/reader/24-citations-bracketed.md");
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("error: unknown citation key 'smith2019' [unknown-citation]") != std::string::npos);
  RunResult strict = run_recto("check --strict --bibliography tests/corpus/reader/references.yaml "
                               "tests/corpus/reader/46-unsupported-math.md");
  CHECK(strict.exit_code == 1);
  CHECK(strict.err.find("error: TeX math") != std::string::npos);
}

TEST_CASE("the version and help flags exit 0", "[cli]") {
  RunResult v = run_recto("--version");
  CHECK(v.exit_code == 0);
  CHECK(v.out.rfind("recto ", 0) == 0);
  RunResult h = run_recto("--help");
  CHECK(h.exit_code == 0);
  CHECK(h.out.find("check") != std::string::npos);
  CHECK(h.out.find("tree") != std::string::npos);
}

TEST_CASE("problems for CI: the diagnostics option prints the compiler form, JSON, or GitHub workflow commands", "[cli]") {
  const std::string file = "tests/corpus/reader/24-citations-bracketed.md";
  RunResult gcc = run_recto("check --diagnostics gcc " + file);
  CHECK(gcc.exit_code == 1);
  CHECK(gcc.err.find(file + ":") == 0);
  CHECK(gcc.err.find(": error: unknown citation key 'smith2019' [unknown-citation]") != std::string::npos);

  RunResult json = run_recto("check --diagnostics json " + file);
  CHECK(json.exit_code == 1);
  nlohmann::json all = nlohmann::json::parse(json.err);
  REQUIRE(all.is_array());
  REQUIRE(!all.empty());
  const auto& first = all.front();
  CHECK(first["file"] == file);
  CHECK(first["line"].get<int>() > 0);
  CHECK(first["column"].get<int>() > 0);
  CHECK(first["severity"] == "error");
  CHECK(first["code"] == "unknown-citation");
  CHECK(first["message"] == "unknown citation key 'smith2019'");

  RunResult github = run_recto("check --diagnostics github " + file);
  CHECK(github.exit_code == 1);
  std::regex command(R"(^::error file=tests/corpus/reader/24-citations-bracketed\.md,line=\d+,col=\d+,)"
                     R"(title=recto unknown-citation::unknown citation key 'smith2019')");
  CHECK(count_lines_matching(github.err, command) >= 1);
  CHECK(github.err.find("\n  hint") == std::string::npos);  // a hint stays on its command's line (%0A)

  RunResult fine = run_recto("check --diagnostics json source");
  CHECK(fine.exit_code == 0);
  CHECK(fine.err == "[]\n");
  CHECK(run_recto("check --diagnostics xml source").exit_code == 2);
  // --strict turns a warning into an error in every style.
  RunResult strict = run_recto("check --strict --diagnostics github --bibliography tests/corpus/reader/references.yaml "
                               "tests/corpus/reader/46-unsupported-math.md");
  CHECK(strict.exit_code == 1);
  CHECK(strict.err.rfind("::error ", 0) == 0);
}
