// Odd and hostile input: a BOM and control characters are warnings and a valid book; nesting and
// bracket runs beyond the limits are an error at their line, found in bounded time and stack.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <random>

#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;
using namespace std::string_literals;

namespace {

std::string diagnose(const std::string& chapter) { return read_files({{"a.md", chapter}}).diagnostics(); }

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// Reads in well under a second, however big the input.
template <typename F>
void quickly(F&& f) {
  auto start = std::chrono::steady_clock::now();
  f();
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

}  // namespace

TEST_CASE("byte-order-mark: a warning, and the text is read without it", "[diagnostics][limits]") {
  ReadResult r = read_files({{"a.md", "\xEF\xBB\xBFHello.\n"}});
  CHECK(r.diagnostics() == "a.md:1:1: warning: the file starts with a byte order mark: it is ignored [byte-order-mark]\n"
                           "  hint: save the file as UTF-8 without a BOM\n");
  CHECK(r.tree_dump().find("\"Hello.\"") != std::string::npos);
}

TEST_CASE("control-character: what XML cannot hold is left out with a warning at its position", "[diagnostics][limits]") {
  CHECK(diagnose("Nul \0 here,\nand \x01 and \xEF\xBF\xBE there.\n"s) ==
        "a.md:1:5: warning: character U+0000 cannot be written in XML: it is left out [control-character]\n"
        "  hint: delete it from the file\n"
        "a.md:2:5: warning: character U+0001 cannot be written in XML: it is left out [control-character]\n"
        "  hint: delete it from the file\n"
        "a.md:2:11: warning: character U+FFFE cannot be written in XML: it is left out [control-character]\n"
        "  hint: delete it from the file\n");
}

TEST_CASE("control-character: found at every place of the eight-byte words that are skipped", "[diagnostics][limits]") {
  for (std::size_t at = 0; at < 18; ++at) {
    std::string text(18, 'x');
    text[at] = '\x01';
    CHECK(diagnose(text + "\n") == "a.md:1:" + std::to_string(at + 1) +
                                      ": warning: character U+0001 cannot be written in XML: it is left out "
                                      "[control-character]\n  hint: delete it from the file\n");
    text.replace(at, 1, "\xEF\xBF\xBF");  // U+FFFF, across a word's end at some places
    CHECK(diagnose(text + "\n").find("a.md:1:" + std::to_string(at + 1) + ": warning: character U+FFFF") == 0);
  }
}

TEST_CASE("input-limit: 20,000 nested block quotes, 50,000 emphasis markers, deep divs", "[diagnostics][limits]") {
  quickly([] {
    CHECK(diagnose("Intro.\n\n" + repeat(">", 20000) + " deep\n") ==
          "a.md:3:1: error: blocks or inlines nested more than 100 deep: the chapter is not read [input-limit]\n"
          "  hint: nest quotes, lists and emphasis less deeply\n");
  });
  quickly([] {
    CHECK(diagnose(repeat("*", 50000) + "x" + repeat("*", 50000) + "\n").find("nested more than 100 deep") !=
          std::string::npos);
  });
  quickly([] {
    CHECK(diagnose(repeat("[", 1500) + "x" + repeat("]", 1500) + "\n").find("[input-limit]") == std::string::npos);
  });
  std::string divs;
  for (int i = 0; i < 150; ++i) divs += "::: {.d}\n";
  divs += "text\n";
  for (int i = 0; i < 150; ++i) divs += ":::\n";
  CHECK(diagnose(divs) == "a.md:101:1: error: fenced divs nested more than 100 deep: the chapter is not read "
                          "[input-limit]\n  hint: nest divs less deeply\n");
  // 100 deep is still read.
  CHECK(diagnose(repeat("> ", 99) + "ok\n").empty());
}

TEST_CASE("input-limit: cmark-gfm's quadratic bracket case (CVE-2023-22486) is refused at once", "[diagnostics][limits]") {
  quickly([] {
    CHECK(diagnose("Fine.\n\n" + repeat("![[]()", 50000) + "\n") ==
          "a.md:3:1: error: this paragraph has more than 2000 '[': the chapter is not read (parsing it would take too "
          "long) [input-limit]\n  hint: split the paragraph, or write the brackets as \\[\n");
  });
  // Refused by the command too: exit 1 and no file written.
  static std::mt19937 rng{std::random_device{}()};
  fs::path dir = fs::temp_directory_path() / ("recto-limits-" + std::to_string(rng()));
  fs::create_directories(dir);
  std::ofstream(dir / "a.md") << repeat("![[]()", 50000) << "\n";
  RunResult r = run_recto("build -q -o '" + (dir / "out").string() + "' '" + dir.string() + "'");
  CHECK(r.exit_code == 1);
  CHECK(!fs::exists(dir / "out"));
  fs::remove_all(dir);
}
