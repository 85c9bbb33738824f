// --depfile: every input a build reads is listed, and GNU make and ninja rebuild after each kind of
// input changes — and not otherwise.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <random>

#include "depfile.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto;
using namespace recto::test;

namespace {

// A small book with one of each kind of input: metadata, a chapter, references, an image, a theme.
struct Book {
  fs::path dir;
  Book() {
    static std::mt19937 rng{std::random_device{}()};
    dir = fs::temp_directory_path() / ("recto-depfile-" + std::to_string(rng()));
    fs::create_directories(dir / "src" / "images");
    std::ofstream(dir / "src" / "book.yaml") << "title: Depends\nauthor: Ann Author\nlang: en\n"
                                                  "chapters: [one.md]\nbibliography: refs.yaml\ntheme: mine.yaml\n";
    std::ofstream(dir / "src" / "one.md") << "# One\n\nA claim [@lee].\n\n![A harbour](images/harbour.png)\n";
    std::ofstream(dir / "src" / "refs.yaml")
        << "references:\n- id: lee\n  type: book\n  title: A Book\n  author: [{family: Lee, given: Ann}]\n"
           "  issued: {date-parts: [[2020]]}\n";
    fs::copy_file("tests/corpus/books/multi/images/harbour.png", dir / "src" / "images" / "harbour.png");
    std::ofstream(dir / "src" / "mine.yaml") << "fonts:\n  body: Noto Serif\nnotes: footnotes\n";
    std::ofstream(dir / "src" / "unrelated.txt") << "not part of the book\n";
  }
  ~Book() { fs::remove_all(dir); }
  std::string path(const std::string& name) const { return (dir / name).string(); }
  RunResult in_dir(const std::string& command) const { return run_command("cd '" + dir.string() + "' && " + command); }
  // Makes a file newer than everything built so far (ahead of the clock), or older again.
  void touch(const std::string& name, int seconds = 10) const {
    fs::last_write_time(dir / name, fs::file_time_type::clock::now() + std::chrono::seconds(seconds));
  }
};

std::vector<std::string> depfile_lines(const fs::path& file) {
  std::vector<std::string> lines;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("a depfile escapes Make's special characters and lists each input once", "[depfile]") {
  CHECK(make_depfile({"out/a b.epub", "out/a.pdf"}, {"src/x.md", "src/my $5 #1.md", "src/./x.md"}) ==
        "out/a\\ b.epub out/a.pdf: \\\n  src/x.md \\\n  src/my\\ $$5\\ \\#1.md\n");
}

TEST_CASE("the depfile names the outputs and every input the build read", "[depfile]") {
  Book book;
  RunResult r = book.in_dir(std::string(RECTO_BINARY) + " build -q src -o out --depfile out/book.d");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> lines = depfile_lines(book.dir / "out" / "book.d");
  REQUIRE(!lines.empty());
  CHECK(lines[0] == "out/depends.epub out/depends.pdf: \\");
  auto has = [&](const std::string& ending) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
      std::string entry = l.substr(0, l.find(" \\"));
      return entry.size() >= ending.size() && entry.compare(entry.size() - ending.size(), ending.size(), ending) == 0;
    });
  };
  for (const char* input : {"src/book.yaml", "src/one.md", "src/refs.yaml", "src/images/harbour.png", "src/mine.yaml",
                            "NotoSerif-Regular.ttf", "hyph_en_US.dic"}) {
    INFO(input);
    CHECK(has(input));
  }
  CHECK(!has("unrelated.txt"));
  CHECK(!has("src"));  // the chapters are listed in book.yaml: the folder's listing does not matter
  // No depfile without a build: a failed build leaves the last good one.
  std::ofstream(book.dir / "src" / "one.md") << "A claim [@nobody].\n";
  std::string before = read_text(book.dir / "out" / "book.d");
  CHECK(book.in_dir(std::string(RECTO_BINARY) + " build -q src -o out --depfile out/book.d").exit_code == 1);
  CHECK(read_text(book.dir / "out" / "book.d") == before);
}

TEST_CASE("a book whose chapters are the folder's .md files depends on the folder, for added chapters",
          "[depfile]") {
  Book book;
  std::ofstream(book.dir / "src" / "book.yaml") << "title: Depends\nlang: en\nbibliography: refs.yaml\n";
  RunResult r = book.in_dir(std::string(RECTO_BINARY) + " build -q --format epub src -o out --depfile out/book.d");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> lines = depfile_lines(book.dir / "out" / "book.d");
  CHECK(std::find(lines.begin(), lines.end(), "  src \\") != lines.end());
}

TEST_CASE("GNU make rebuilds the book after any input changes, and not otherwise", "[depfile]") {
  Book book;
  std::ofstream(book.dir / "Makefile") << "out/depends.epub:\n\t" << RECTO_BINARY
                                       << " build -q src -o out --depfile out/book.d\n-include out/book.d\n";
  REQUIRE(book.in_dir("make -s").exit_code == 0);
  CHECK(book.in_dir("make -q").exit_code == 0);  // up to date
  CHECK(book.in_dir("make -q -W src/unrelated.txt").exit_code == 0);
  std::string font = depfile_lines(book.dir / "out" / "book.d").back();
  for (std::string input : {std::string("src/book.yaml"), std::string("src/one.md"), std::string("src/refs.yaml"),
                            std::string("src/images/harbour.png"), std::string("src/mine.yaml"),
                            font.substr(font.find_first_not_of(' '))}) {
    INFO(input);
    CHECK(book.in_dir("make -q -W '" + input + "'").exit_code == 1);  // would rebuild
  }
}

TEST_CASE("ninja rebuilds the book after any input changes, and not otherwise", "[depfile]") {
  Book book;
  std::ofstream(book.dir / "build.ninja") << "rule recto\n  command = " << RECTO_BINARY
                                          << " build -q src -o out --depfile out/book.d\n  depfile = out/book.d\n"
                                             "  deps = gcc\nbuild out/depends.epub out/depends.pdf: recto\n";
  REQUIRE(book.in_dir("ninja").exit_code == 0);
  CHECK(book.in_dir("ninja -n").out.find("no work to do") != std::string::npos);
  RunResult deps = book.in_dir("ninja -t deps out/depends.epub");
  CHECK(deps.out.find("NotoSerif-Regular.ttf") != std::string::npos);  // fonts too, though not touchable here
  CHECK(deps.out.find("hyph_en_US.dic") != std::string::npos);
  book.touch("src/unrelated.txt");
  CHECK(book.in_dir("ninja -n").out.find("no work to do") != std::string::npos);
  for (const char* input : {"src/book.yaml", "src/one.md", "src/refs.yaml", "src/images/harbour.png", "src/mine.yaml"}) {
    INFO(input);
    book.touch(input);
    RunResult dry = book.in_dir("ninja -n");
    CHECK(dry.out.find("recto") != std::string::npos);
    REQUIRE(book.in_dir("ninja").exit_code == 0);
    book.touch(input, -60);  // back behind the outputs just written
    CHECK(book.in_dir("ninja -n").out.find("no work to do") != std::string::npos);
  }
}
