// recto build: what it writes, its summary line, that a failed build leaves no partial file and keeps
// the previous good one, and that every file is the same bytes wherever and whenever it is built.
#include <catch2/catch.hpp>

#include <regex>

#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;

namespace {

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("recto build writes the EPUB named after the title and says so in one line", "[cli][epub]") {
  TempDir out;
  RunResult r = run_recto("build --format epub -o '" + out.path.string() + "' source");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(std::regex_match(r.out, std::regex("recto: wrote .*/wechat-is-watching\\.epub \\(\\d+ KB\\) in \\d+ ms\n")));
  CHECK(names_in(out.path) == std::vector<std::string>{"wechat-is-watching.epub"});
  RunResult quiet = run_recto("build --quiet --format epub -o '" + out.path.string() + "' source");
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.empty());
}

TEST_CASE("a build that fails leaves no partial file and keeps the previous good one", "[cli][epub]") {
  TempDir dir;
  fs::path book = dir.path / "book", out = dir.path / "out";
  write_file(book / "book.yaml", "title: Small Book\nauthor: A. Writer\nlang: en\n");
  write_file(book / "one.md", "# One\n\nA paragraph.\n");
  REQUIRE(run_recto("build -q --format epub -o '" + out.string() + "' '" + book.string() + "'").exit_code == 0);
  std::string good = read_text(out / "small-book.epub");
  REQUIRE(!good.empty());

  write_file(book / "one.md", "# One\n\nA paragraph with a picture: ![a picture](missing.png)\n");
  RunResult r = run_recto("build -q --format epub -o '" + out.string() + "' '" + book.string() + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("one.md:3:29: error: image 'missing.png' not found [missing-image]") != std::string::npos);
  CHECK(names_in(out) == std::vector<std::string>{"small-book.epub"});
  CHECK(read_text(out / "small-book.epub") == good);
}

TEST_CASE("build refuses images outside the manuscript and files that are not images", "[cli][epub]") {
  TempDir dir;
  fs::path book = dir.path / "book";
  write_file(dir.path / "secret.png", "\x89PNG\r\n\x1a\n");
  write_file(book / "not-an-image.png", "plain text");
  write_file(book / "book.yaml", "title: Small Book\nlang: en\n");
  write_file(book / "one.md", "![outside](../secret.png)\n\n![text](not-an-image.png)\n\n![remote](https://example.org/a.png)\n");
  RunResult r = run_recto("build -q -o '" + (dir.path / "out").string() + "' '" + book.string() + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("one.md:1:1: error: image '../secret.png' is outside the manuscript folder [path-outside]") !=
        std::string::npos);
  CHECK(r.err.find("one.md:3:1: error: image 'not-an-image.png' is not a PNG, JPEG, GIF or SVG image [image-format]") !=
        std::string::npos);
  CHECK(r.err.find("one.md:5:1: error: image 'https://example.org/a.png' is not in the manuscript [remote-image]") !=
        std::string::npos);
  CHECK(!fs::exists(dir.path / "out" / "small-book.epub"));
}

TEST_CASE("an output folder that cannot be written is an I/O error, exit 3", "[cli][epub]") {
  TempDir dir;
  write_file(dir.path / "file", "");
  RunResult r = run_recto("build -q -o '" + (dir.path / "file" / "out").string() + "' source");
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("recto: error: cannot write") == 0);
}

TEST_CASE("an unknown format is a usage error, exit 2, that lists the formats", "[cli][epub]") {
  RunResult r = run_recto("build --format mobi source");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown format 'mobi' (formats: epub, kepub, kindle, pdf)") != std::string::npos);
}

TEST_CASE("recto build --format names the EPUB, the Kobo and Kindle EPUBs or the PDF, by default the EPUB and PDF",
          "[cli][epub][variants]") {
  TempDir out;
  auto written = [&](const std::string& formats) {
    fs::remove_all(out.path);
    RunResult r = run_recto("build -q " + formats + " -o '" + out.path.string() + "' source");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    return names_in(out.path);
  };
  using Names = std::vector<std::string>;
  CHECK(written("--format kindle") == Names{"wechat-is-watching.kindle.epub"});
  CHECK(written("--format kepub,epub") == Names{"wechat-is-watching.epub", "wechat-is-watching.kepub.epub"});
  CHECK(written("--format pdf,kindle,kepub,epub") ==
        Names{"wechat-is-watching.epub", "wechat-is-watching.kepub.epub", "wechat-is-watching.kindle.epub",
              "wechat-is-watching.pdf"});
  CHECK(written("") == Names{"wechat-is-watching.epub", "wechat-is-watching.pdf"});
}

TEST_CASE("all formats and themes are byte-identical when built in other folders, time zones and locales",
          "[cli][epub][pdf]") {
  TempDir dir;
  auto build = [&](const std::string& folder, const std::string& env) {
    fs::create_directories(dir.path / folder);
    fs::copy("source", dir.path / folder / "manuscript", fs::copy_options::recursive);
    RunResult r = run_command("cd '" + (dir.path / folder).string() + "' && env " + env + " " + RECTO_BINARY +
                              " build -q --format epub,kepub,kindle,pdf --theme trade,a5,ereader -o out manuscript");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::map<std::string, std::string> files;
    for (const auto& e : fs::directory_iterator(dir.path / folder / "out")) {
      files[e.path().filename().string()] = read_text(e.path());
    }
    return files;
  };
  auto a = build("a", "-u SOURCE_DATE_EPOCH TZ=UTC LC_ALL=C");
  auto b = build("elsewhere/b", "-u SOURCE_DATE_EPOCH TZ=Asia/Kathmandu LC_ALL=C.UTF-8 LANG=fr_FR.UTF-8");
  REQUIRE(a.size() == 6);  // the EPUB, the Kobo and Kindle EPUBs and three PDFs, made at once
  for (const auto& [name, bytes] : a) {
    INFO(name);
    CHECK(b.at(name) == bytes);
  }
  // SOURCE_DATE_EPOCH dates both formats, and changes nothing else about them.
  auto dated = build("c", "SOURCE_DATE_EPOCH=1700000000 TZ=UTC");
  CHECK(dated.at("wechat-is-watching.pdf").find("D:20231114221320") != std::string::npos);
  for (const char* epub : {"wechat-is-watching.epub", "wechat-is-watching.kepub.epub", "wechat-is-watching.kindle.epub"}) {
    CHECK(dated.at(epub) != a.at(epub));
  }
  RunResult modified = run_command("unzip -p '" + (dir.path / "c" / "out" / "wechat-is-watching.epub").string() +
                                   "' EPUB/content.opf");
  CHECK(modified.out.find("2023-11-14T22:13:20Z") != std::string::npos);
}
