// The PDFs recto builds, checked by the tools readers and printers use: qpdf, poppler (pdfinfo,
// pdffonts, pdftotext) and MuPDF, for every theme, on the essay and the corpus books; the essay's text
// as pdftotext extracts it equals the tree's, word for word.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>

#include "manuscript.hpp"
#include "resolve.hpp"
#include "book_words.hpp"
#include "support.hpp"
#include "tree_walk.hpp"

namespace fs = std::filesystem;
using namespace recto;
using namespace recto::test;

namespace {

const char* const themes[] = {"trade", "a5", "ereader"};

struct BuiltPdf {
  fs::path dir, path;
  ~BuiltPdf() { fs::remove_all(dir); }
};

std::unique_ptr<BuiltPdf> build_pdf(const std::string& source, const std::string& theme) {
  static std::mt19937 rng{std::random_device{}()};
  auto b = std::make_unique<BuiltPdf>();
  b->dir = fs::temp_directory_path() / ("recto-pdf-" + std::to_string(rng()));
  RunResult r = run_recto("build -q --format pdf --theme " + theme + " -o '" + b->dir.string() + "' '" + source + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const auto& e : fs::directory_iterator(b->dir)) b->path = e.path();
  return b;
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

void check_with_tools(const fs::path& pdf) {
  RunResult qpdf = run_command("qpdf --check " + quoted(pdf));
  INFO(qpdf.out << qpdf.err);
  CHECK(qpdf.exit_code == 0);
  CHECK(qpdf.out.find("No syntax or stream encoding errors found") != std::string::npos);
  CHECK(qpdf.err.empty());
  for (const char* tool : {"pdfinfo", "pdftotext"}) {
    RunResult r = run_command(std::string(tool) + " " + quoted(pdf) + (std::string(tool) == "pdftotext" ? " -" : ""));
    INFO(tool << ": " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
  }
  RunResult fonts = run_command("pdffonts " + quoted(pdf));
  INFO(fonts.out << fonts.err);
  CHECK(fonts.err.empty());
  std::istringstream lines(fonts.out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    if (++count <= 2) continue;  // the header
    CHECK(std::regex_search(line, std::regex(R"(yes yes yes\s+\d+\s+\d+\s*$)")));  // emb sub uni
  }
  CHECK(count > 2);
  RunResult mutool = run_command("mutool draw -q -o /dev/null " + quoted(pdf));
  INFO(mutool.err);
  CHECK(mutool.exit_code == 0);
  std::istringstream warnings(mutool.err);
  while (std::getline(warnings, line)) CHECK(line.find("ICC") != std::string::npos);
}

// pdftotext's words, without folios and running heads (the text is cropped inside the top and bottom
// margins).
std::vector<std::string> pdf_words(const fs::path& pdf, const ThemePage& page) {
  const int top = page.crop_top(), bottom = page.crop_bottom();
  RunResult r = run_command("pdftotext -r 72 -x 0 -y " + std::to_string(top) + " -W 10000 -H " +
                            std::to_string(static_cast<int>(page.height) - top - bottom) + " " + quoted(pdf) + " -");
  REQUIRE(r.exit_code == 0);
  return words_joined_at_soft_hyphens(r.out);
}

}  // namespace

TEST_CASE("the essay's PDFs pass qpdf, poppler and MuPDF in every theme", "[pdf][validators]") {
  for (const char* theme : themes) {
    DYNAMIC_SECTION(theme) { check_with_tools(build_pdf("source", theme)->path); }
  }
}

TEST_CASE("the multi-chapter book's PDFs pass qpdf, poppler and MuPDF in every theme", "[pdf][validators]") {
  for (const char* theme : themes) {
    DYNAMIC_SECTION(theme) { check_with_tools(build_pdf("tests/corpus/books/multi", theme)->path); }
  }
}

TEST_CASE("the reader corpus book's PDFs pass qpdf, poppler and MuPDF in every theme", "[pdf][validators]") {
  for (const char* theme : themes) {
    DYNAMIC_SECTION(theme) { check_with_tools(build_pdf("tests/corpus/reader", theme)->path); }
  }
}

TEST_CASE("the essay's PDF is under 150 KB", "[pdf]") {
  auto pdf = build_pdf("source", "trade");
  CHECK(fs::file_size(pdf->path) < 150 * 1024);
}

TEST_CASE("pdftotext gives the essay's text exactly, in every theme", "[pdf]") {
  const TreeWords tree = expected_words("source");
  REQUIRE(tree.text.size() > 3000);
  for (const char* theme : themes) {
    DYNAMIC_SECTION(theme) {
      auto pdf = build_pdf("source", theme);
      check_words_are_the_books(pdf_words(pdf->path, theme_page(theme)), tree, std::string(theme) == "ereader");
    }
  }
}

TEST_CASE("two builds of a PDF are byte-identical, in any time zone", "[pdf]") {
  static std::mt19937 rng{std::random_device{}()};
  fs::path dir = fs::temp_directory_path() / ("recto-pdf-repro-" + std::to_string(rng()));
  auto build = [&](const std::string& env, const std::string& name) {
    RunResult r = run_command("env " + env + " " + RECTO_BINARY + " build -q --format pdf -o '" + (dir / name).string() +
                              "' source");
    REQUIRE(r.exit_code == 0);
    return read_text(dir / name / "wechat-is-watching.pdf");
  };
  std::string a = build("-u SOURCE_DATE_EPOCH TZ=UTC", "a");
  CHECK(a == build("-u SOURCE_DATE_EPOCH TZ=Pacific/Kiritimati LC_ALL=C.UTF-8", "b"));
  std::string dated = build("SOURCE_DATE_EPOCH=1700000000", "c");
  CHECK(a != dated);
  CHECK(dated.find("D:20231114221320") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a theme whose font family is not installed is an error naming the family and its package", "[pdf]") {
  static std::mt19937 rng{std::random_device{}()};
  fs::path dir = fs::temp_directory_path() / ("recto-theme-" + std::to_string(rng()));
  fs::create_directories(dir);
  std::ofstream(dir / "book.yaml") << "title: T\ntheme: mine.yaml\n";
  std::ofstream(dir / "a.md") << "Text.\n";
  std::ofstream(dir / "mine.yaml") << "fonts:\n  body: Liberation Serif Nonexistent\n  heading: Noto Serif\n";
  RunResult r = run_recto("build -q --format pdf -o '" + (dir / "out").string() + "' '" + dir.string() + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("mine.yaml:2:9: error: font family 'Liberation Serif Nonexistent' of theme 'mine.yaml' is not "
                   "installed [missing-font]") != std::string::npos);
  CHECK(!fs::exists(dir / "out" / "t.pdf"));
  std::ofstream(dir / "mine.yaml") << "fonts:\n  body: EB Garamond 13\n";
  r = run_recto("build -q --format pdf -o '" + (dir / "out").string() + "' '" + dir.string() + "'");
  CHECK(r.exit_code == 1);
  std::ofstream(dir / "mine.yaml") << "sizes:\n  body: 11 points\n";
  r = run_recto("build -q --format pdf -o '" + (dir / "out").string() + "' '" + dir.string() + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("mine.yaml:2:9: error: expected a length such as 11pt, 6in, 148mm or 1.2em [theme-length]") !=
        std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a character that no installed font has is a warning at its position, and the book is built", "[pdf]") {
  static std::mt19937 rng{std::random_device{}()};
  fs::path dir = fs::temp_directory_path() / ("recto-glyph-" + std::to_string(rng()));
  fs::create_directories(dir);
  std::ofstream(dir / "book.yaml") << "title: Glyphs\nlang: en\n";
  std::ofstream(dir / "a.md") << "A private character \xF4\x8F\xBF\xBD here.\n";  // U+10FFFD
  RunResult r = run_recto("build -q --format pdf -o '" + (dir / "out").string() + "' '" + dir.string() + "'");
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("a.md:1:21: warning: no installed font has the character in") != std::string::npos);
  CHECK(fs::exists(dir / "out" / "glyphs.pdf"));
  fs::remove_all(dir);
}

TEST_CASE("a book of several chapters gets a printed table of contents with their page numbers", "[pdf]") {
  auto pdf = build_pdf("tests/corpus/books/multi", "trade");
  RunResult contents = run_command("pdftotext -f 2 -l 2 " + quoted(pdf->path) + " -");
  std::vector<std::string> words = split_words(contents.out);
  REQUIRE(!words.empty());
  CHECK(words.front() == "Contents");
  CHECK(std::find(words.begin(), words.end(), "Opening") != words.end());
  CHECK(std::find(words.begin(), words.end(), "References") != words.end());
  // "Structures" is listed with the page its heading is on.
  auto at = std::find(words.begin(), words.end(), "Structures");
  REQUIRE(at != words.end());
  REQUIRE(at + 1 != words.end());
  int label = std::stoi(*(at + 1));  // the text's pages count from 1 after the title page and the contents
  CHECK(label >= 3);
  RunResult labelled = run_command("pdftotext -f " + std::to_string(label + 2) + " -l " + std::to_string(label + 2) +
                                   " " + quoted(pdf->path) + " -");
  CHECK(labelled.out.find("Structures") != std::string::npos);
  RunResult single = run_command("pdftotext -f 2 -l 2 " + quoted(build_pdf("source", "trade")->path) + " -");
  CHECK(single.out.find("Contents") == std::string::npos);  // one chapter: no contents page
}
