// The bad-input matrix, through `recto build`: every problem is an exact diagnostic and exit code 1
// (or a warning and a valid book, where the input is merely odd), in bounded time and memory, and
// no output file is left behind. I/O failures are exit code 3, and leave no partial file either.
#include <png.h>
#include <sys/resource.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <regex>

#include "epub_file.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;
using namespace std::string_literals;

namespace {

// `recto build` of the manuscript folder `book` inside `dir` into `dir/out`, run from `dir` so that
// the diagnostics name the files as book/…
std::string build_command(const fs::path& dir, const std::string& before = "") {
  return "cd '" + dir.string() + "' && " + before + RECTO_BINARY + " build -q -o out book";
}

RunResult build(const fs::path& dir, const std::string& before = "") {
  return run_command(build_command(dir, before));
}

// Runs a command, and checks it took less than `seconds` of wall time: hostile input must not make
// recto hang (the bounds are generous, for the sanitizer and valgrind builds).
RunResult run_within(const std::string& command, int seconds) {
  auto start = std::chrono::steady_clock::now();
  RunResult r = run_command(command);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(seconds));
  return r;
}

// Checks that recto refused the book: exactly these diagnostics, exit code 1, and no output at all.
void check_refused(const RunResult& r, const fs::path& dir, const std::string& diagnostics) {
  CHECK(r.err == diagnostics);
  CHECK(r.exit_code == 1);
  CHECK(!fs::exists(dir / "out"));
}

// The largest resident set of any recto run so far in this test process, in megabytes.
long largest_child_megabytes() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  return usage.ru_maxrss / 1024;
}

void append_to_string(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))
      ->append(reinterpret_cast<const char*>(data), length);
}

// A PNG written by libpng: `depth`-bit samples of `colour` type (PNG_COLOR_TYPE_…),
// Adam7-interlaced or not, a diagonal gradient, or all zero (which compresses a thousandfold).
std::string make_png(std::uint32_t width, std::uint32_t height, int depth, int colour,
                     bool interlaced, bool blank = false) {
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  png_set_write_fn(png, &out, append_to_string, nullptr);
  png_set_IHDR(png, info, width, height, depth, colour,
               interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  const int passes = png_set_interlace_handling(png);
  std::vector<unsigned char> row(png_get_rowbytes(png, info));
  for (int pass = 0; pass < passes; ++pass) {
    for (std::uint32_t y = 0; y < height; ++y) {
      for (std::size_t i = 0; i < row.size() && !blank; ++i)
        row[i] = static_cast<unsigned char>(i * 7 + y * 13);
      png_write_row(png, row.data());
    }
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

const std::string kBook = "title: Odd Input\nlang: en\n";

}  // namespace

TEST_CASE(
    "bad input: each problem stops the build with its diagnostic, exit 1, and nothing written",
    "[bad-input]") {
  struct Case {
    const char* name;
    std::map<std::string, std::string> files;  // besides book/book.yaml
    std::string diagnostics;
  };
  const std::vector<Case> cases = {
      {"invalid UTF-8",
       {{"a.md", "Fine.\nBad \xFF byte.\n"}},
       "book/a.md:2:5: error: invalid UTF-8: byte 0xFF [invalid-utf8]\n  hint: save the file as "
       "UTF-8\n"},
      {"unknown citation key",
       {{"a.md", "As [@nobody] says.\n"}},
       "book/a.md:1:5: error: unknown citation key 'nobody' [unknown-citation]\n"
       "  hint: no reference has a similar id\n"},
      {"duplicate ids",
       {{"a.md", "# One {#same}\n\n# Two {#same}\n"}},
       "book/a.md:3:1: error: duplicate id 'same' [duplicate-id]\n  hint: the first one is on line "
       "1\n"},
      {"malformed YAML in a metadata block",
       {{"a.md", "---\nauthor: [unclosed\n---\nText.\n"}},
       "book/a.md:3:1: error: malformed YAML: end of sequence flow not found [yaml-syntax]\n"},
      {"malformed CSL JSON",
       {{"a.md", "Text.\n"},
        {"book.yaml", kBook + "bibliography: refs.json\n"},
        {"refs.json", "[{\"id\": \"a\", \"type\": \"book\",\n  \"title\": \"A\"}\n"}},
       "book/refs.json:3:1: error: malformed YAML: end of sequence flow not found [yaml-syntax]\n"},
      {"YAML nested deeper than yaml-cpp takes (its guard said \"bad file\")",
       {{"a.md", "Text.\n"},
        {"book.yaml", "title: " + std::string(1900, '[') + std::string(1900, ']') + "\n"}},
       "book/book.yaml:1:3808: error: YAML nested more than 64 levels deep [yaml-syntax]\n"},
      {"a CSL list of text",
       {{"a.md", "Text.\n"},
        {"book.yaml", kBook + "bibliography: refs.yaml\n"},
        {"refs.yaml", "- a book\n"}},
       "book/refs.yaml:1:3: error: a CSL item must be a map of fields [csl-invalid]\n"},
      {"unclosed fenced div",
       {{"a.md", "Text.\n\n::: pullquote\nNever closed.\n"}},
       "book/a.md:3:1: error: fenced div is never closed [unclosed-div]\n"
       "  hint: close it with a line of three colons (:::)\n"},
      {"missing image",
       {{"a.md", "Text.\n\n![A figure](figure.png)\n"}},
       "book/a.md:3:1: error: image 'figure.png' not found [missing-image]\n"},
      {"an image that is not an image",
       {{"a.md", "Text.\n\n![A figure](figure.png)\n"}, {"figure.png", "plain text"}},
       "book/a.md:3:1: error: image 'figure.png' is not a PNG, JPEG, GIF or SVG image "
       "[image-format]\n"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      TempDir dir;
      write_file(dir.path / "book" / "book.yaml", kBook);
      for (const auto& [name, text] : c.files) write_file(dir.path / "book" / name, text);
      check_refused(build(dir.path), dir.path, c.diagnostics);
    }
  }
}

TEST_CASE(
    "bad input: a BOM and control characters are warnings, and the book is built and well-formed",
    "[bad-input]") {
  TempDir dir;
  write_file(dir.path / "book" / "book.yaml", kBook);
  write_file(dir.path / "book" / "a.md",
             "\xEF\xBB\xBF# Start\n\nA NUL \0 here, a bell \a, a U+FFFF \xEF\xBF\xBF there.\n"s);
  RunResult r = build(dir.path);
  CHECK(r.err ==
        "book/a.md:1:1: warning: the file starts with a byte order mark: it is ignored "
        "[byte-order-mark]\n"
        "  hint: save the file as UTF-8 without a BOM\n"
        "book/a.md:3:7: warning: character U+0000 cannot be written in XML: it is left out "
        "[control-character]\n"
        "  hint: delete it from the file\n"
        "book/a.md:3:22: warning: character U+0007 cannot be written in XML: it is left out "
        "[control-character]\n"
        "  hint: delete it from the file\n"
        "book/a.md:3:34: warning: character U+FFFF cannot be written in XML: it is left out "
        "[control-character]\n"
        "  hint: delete it from the file\n");
  REQUIRE(r.exit_code == 0);
  EpubFile epub = open_epub(dir.path / "out" / "odd-input.epub");
  std::string xhtml;
  for (const auto& [name, bytes] : epub.entries) {
    if (name.size() < 6 || name.substr(name.size() - 6) != ".xhtml") continue;
    epub.xml(name);  // well-formed
    xhtml += bytes;
  }
  CHECK(xhtml.find("A NUL  here, a bell , a U+FFFF  there.") != std::string::npos);
  CHECK(run_command("qpdf --check '" + (dir.path / "out" / "odd-input.pdf").string() + "'")
            .exit_code == 0);
}

TEST_CASE("bad input: images cut short or with data libpng rejects are errors at the figure",
          "[bad-input]") {
  TempDir dir;
  std::string png = make_png(40, 30, 8, PNG_COLOR_TYPE_RGB, false);
  std::string jpeg = read_text("tests/corpus/reader/images/lighthouse.jpg");
  REQUIRE(jpeg.size() > 400);
  std::string bad_data = png;
  std::size_t idat = bad_data.find("IDAT");
  REQUIRE(idat != std::string::npos);
  bad_data[idat + 4] ^= 0x55;  // the zlib header: libpng refuses it, though every chunk is whole
  write_file(dir.path / "book" / "book.yaml", kBook);
  write_file(dir.path / "book" / "cut.png", png.substr(0, png.size() / 2));
  write_file(dir.path / "book" / "cut.jpg", jpeg.substr(0, 400));
  write_file(dir.path / "book" / "cut.gif", "GIF89a\x10\x00\x10\x00\x80\x00\x00"s);
  write_file(dir.path / "book" / "header.png", png.substr(0, 8) + png.substr(33));
  write_file(dir.path / "book" / "a.md",
             "![Cut](cut.png)\n\n![Cut](cut.jpg)\n\n![Cut](cut.gif)\n\n![No header](header.png)\n");
  RunResult r = build(dir.path);
  check_refused(
      r, dir.path,
      "book/a.md:1:1: error: image 'cut.png' is damaged: the file ends before the image does "
      "[image-format]\n"
      "  hint: save the image again\n"
      "book/a.md:3:1: error: image 'cut.jpg' is damaged: the file ends before the image does "
      "[image-format]\n"
      "  hint: save the image again\n"
      "book/a.md:5:1: error: image 'cut.gif' is damaged: the file ends before the image does "
      "[image-format]\n"
      "  hint: save the image again\n"
      "book/a.md:7:1: error: image 'header.png' is damaged: it does not begin with its header "
      "(IHDR) "
      "[image-format]\n  hint: save the image again\n");

  // Whole chunks around data that does not decode: only libpng finds it, while the PDF is written.
  write_file(dir.path / "book" / "bad.png", bad_data);
  write_file(dir.path / "book" / "a.md", "Text.\n\n![Bad data](bad.png)\n");
  r = build(dir.path);
  CHECK(
      r.err ==
      "book/a.md:3:1: error: image 'bad.png' cannot be printed: png: IDAT: incorrect header check "
      "[image-format]\n  hint: save the image again\n");
  CHECK(r.exit_code == 1);
  CHECK(!fs::exists(dir.path / "out"));
}

TEST_CASE("bad input: 16-bit and interlaced PNGs are printed, as 8-bit images", "[bad-input]") {
  TempDir dir;
  write_file(dir.path / "book" / "book.yaml", kBook);
  write_file(dir.path / "book" / "deep.png", make_png(64, 48, 16, PNG_COLOR_TYPE_RGB_ALPHA, false));
  write_file(dir.path / "book" / "laced.png", make_png(64, 48, 8, PNG_COLOR_TYPE_RGB, true));
  write_file(dir.path / "book" / "both.png", make_png(64, 48, 16, PNG_COLOR_TYPE_GRAY, true));
  write_file(dir.path / "book" / "a.md",
             "Text.\n\n![Deep](deep.png)\n\n![Laced](laced.png)\n\n![Both](both.png)\n");
  RunResult r = build(dir.path);
  CHECK(r.err.empty());
  REQUIRE(r.exit_code == 0);
  fs::path pdf = dir.path / "out" / "odd-input.pdf";
  CHECK(run_command("qpdf --check '" + pdf.string() + "'").exit_code == 0);
  RunResult images = run_command("pdfimages -list '" + pdf.string() + "'");
  REQUIRE(images.exit_code == 0);
  // page num type width height color comp bpc …: three images and the alpha of the first, 8 bits
  // each.
  std::regex row(R"(^\s*\d+\s+\d+\s+(image|smask)\s+64\s+48\s+(rgb|gray)\s+[13]\s+8\s)");
  int rows = 0;
  std::istringstream lines(images.out);
  for (std::string line; std::getline(lines, line);) rows += std::regex_search(line, row) ? 1 : 0;
  CHECK(rows == 4);
  CHECK(open_epub(dir.path / "out" / "odd-input.epub").entries.count("EPUB/images/laced.png") == 1);
}

TEST_CASE("bad input: a 20000 × 20000 PNG is refused from its header, in bounded time and memory",
          "[bad-input][limits]") {
  TempDir dir;
  std::string huge = make_png(20000, 20000, 1, PNG_COLOR_TYPE_GRAY, false, true);
  REQUIRE(huge.size() < 200'000);  // a 400-megapixel image in a small file
  write_file(dir.path / "book" / "book.yaml", kBook);
  write_file(dir.path / "book" / "huge.png", huge);
  write_file(dir.path / "book" / "a.md", "Text.\n\n![Huge](huge.png)\n");
  RunResult r = run_within(build_command(dir.path), 10);
  CHECK(largest_child_megabytes() < 400);  // decoding it would take 800 MB and more
  check_refused(
      r, dir.path,
      "book/a.md:3:1: error: image 'huge.png' has 20000 × 20000 pixels, more than the 40 "
      "megapixels "
      "recto takes [input-limit]\n  hint: scale it down: 300 pixels per inch of the printed page "
      "is plenty\n");
}

TEST_CASE(
    "bad input: paths that leave the manuscript folder, by ../, an absolute path or a link, are "
    "refused",
    "[bad-input]") {
  TempDir dir;
  fs::path book = dir.path / "book";
  write_file(dir.path / "elsewhere" / "secret.md", "Not part of the book.\n");
  write_file(dir.path / "elsewhere" / "secret.png", make_png(4, 4, 8, PNG_COLOR_TYPE_RGB, false));
  write_file(dir.path / "elsewhere" / "refs.yaml", "- id: a\n  title: A\n");
  write_file(book / "book.yaml", kBook + "bibliography: refs.yaml\n");
  write_file(book / "a.md", "![Up](../elsewhere/secret.png)\n\n![Absolute](" +
                                (dir.path / "elsewhere" / "secret.png").string() +
                                ")\n\n![Linked](images/secret.png)\n");
  fs::create_directories(book / "images");
  fs::create_symlink(dir.path / "elsewhere" / "secret.png", book / "images" / "secret.png");
  fs::create_symlink("../elsewhere/secret.md", book / "b.md");
  fs::create_symlink(dir.path / "elsewhere" / "refs.yaml", book / "refs.yaml");
  RunResult r = build(dir.path);
  CHECK(r.err ==
        "book/book.yaml:3:15: error: bibliography 'refs.yaml' is outside the manuscript folder "
        "[path-outside]\n"
        "book/b.md: error: chapter 'b.md' is outside the manuscript folder [path-outside]\n"
        "book/a.md:1:1: error: image '../elsewhere/secret.png' is outside the manuscript folder "
        "[path-outside]\n"
        "book/a.md:3:1: error: image '" +
            (dir.path / "elsewhere" / "secret.png").string() +
            "' is outside the manuscript folder [path-outside]\n"
            "book/a.md:5:1: error: image 'images/secret.png' is outside the manuscript folder "
            "[path-outside]\n");
  CHECK(r.exit_code == 1);
  CHECK(!fs::exists(dir.path / "out"));

  // A chapter named in book.yaml, and book.yaml itself, through links.
  fs::remove(book / "a.md");
  fs::remove(book / "b.md");
  fs::remove(book / "refs.yaml");
  write_file(book / "book.yaml", kBook + "chapters: [b.md]\n");
  fs::create_symlink(dir.path / "elsewhere" / "secret.md", book / "b.md");
  r = build(dir.path);
  CHECK(r.err ==
        "book/book.yaml:3:12: error: chapter 'b.md' is outside the manuscript folder "
        "[path-outside]\n");
  CHECK(r.exit_code == 1);
  fs::remove(book / "b.md");
  fs::rename(book / "book.yaml", dir.path / "elsewhere" / "book.yaml");
  fs::create_symlink(dir.path / "elsewhere" / "book.yaml", book / "book.yaml");
  write_file(book / "a.md", "Text.\n");
  r = build(dir.path);
  check_refused(
      r, dir.path,
      "book/book.yaml: error: 'book.yaml' is outside the manuscript folder [path-outside]\n");
}

TEST_CASE("bad input: a 100 MB chapter is refused before it is read, in bounded time and memory",
          "[bad-input][limits]") {
  TempDir dir;
  write_file(dir.path / "book" / "book.yaml", kBook);
  write_file(dir.path / "book" / "a.md", "A chapter of a sensible size.\n");
  {
    std::ofstream big(dir.path / "book" / "b.md", std::ios::binary);
    const std::string paragraph =
        "A paragraph of words that goes on for a while, as paragraphs do. " + std::string(33, '.') +
        "\n\n";
    for (int i = 0; i < 1'000'000; ++i) big << paragraph;  // 100 bytes each
  }
  REQUIRE(fs::file_size(dir.path / "book" / "b.md") == 100'000'000);
  RunResult r = run_within(build_command(dir.path), 10);
  CHECK(largest_child_megabytes() < 400);
  check_refused(
      r, dir.path,
      "book/b.md: error: the file is 100 MB, more than the 10 MB recto reads: it is not read "
      "[input-limit]\n"
      "  hint: split the book into books of at most 10 MB\n");
}

TEST_CASE(
    "bad input: chapters under 10 MB that are more together are refused from the one that goes "
    "beyond",
    "[bad-input][limits]") {
  TempDir dir;
  write_file(dir.path / "book" / "book.yaml", kBook);
  const std::string chapter = std::string(3'999'999, 'x') + "\n";  // 4 MB
  for (const char* name : {"a.md", "b.md", "c.md"}) write_file(dir.path / "book" / name, chapter);
  RunResult r = build(dir.path);
  check_refused(
      r, dir.path,
      "book/c.md: error: with this file of 4 MB the manuscript is more than the 10 MB recto "
      "reads: it is "
      "not read [input-limit]\n  hint: split the book into books of at most 10 MB\n");
}

TEST_CASE(
    "bad input: a full disk is an I/O error, exit 3, and leaves no partial file and the previous "
    "one whole",
    "[bad-input]") {
  TempDir dir;
  write_file(dir.path / "book" / "book.yaml", kBook);
  write_file(dir.path / "book" / "a.md", "# One\n\nA paragraph.\n");
  REQUIRE(build(dir.path).exit_code == 0);
  const std::string good = read_text(dir.path / "out" / "odd-input.epub");
  REQUIRE(good.size() > 4096);
  write_file(dir.path / "book" / "a.md", "# One\n\nA paragraph, changed.\n");
  // The disk fills after 2 KB: writes beyond fail with EFBIG (the signal that would end the process
  // is ignored), as they fail with ENOSPC on a full disk.
  RunResult r = build(dir.path, "trap '' XFSZ; ulimit -f 4; ");
  CHECK(r.err == "recto: error: cannot write 'out/odd-input.epub': File too large\n");
  CHECK(r.exit_code == 3);
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(dir.path / "out"))
    left.push_back(e.path().filename().string());
  CHECK(left == std::vector<std::string>{"odd-input.epub", "odd-input.pdf"});
  CHECK(read_text(dir.path / "out" / "odd-input.epub") == good);
}

TEST_CASE(
    "bad input: an output folder that cannot be made is an I/O error, exit 3, with nothing written",
    "[bad-input]") {
  TempDir dir;
  write_file(dir.path / "book" / "book.yaml", kBook);
  write_file(dir.path / "book" / "a.md", "Text.\n");
  write_file(dir.path / "out", "a file where the folder should be");
  RunResult r = build(dir.path);
  CHECK(r.err == "recto: error: cannot write 'out/odd-input.epub': Not a directory\n");
  CHECK(r.exit_code == 3);
  CHECK(read_text(dir.path / "out") == "a file where the folder should be");
}

TEST_CASE(
    "bad input: theme lengths beyond a PDF page, type sizes outside 1-1000 pt, NaN and infinity "
    "are errors",
    "[bad-input]") {
  // A body size of 1e30pt and a page 1e300pt wide made libharu fail: exit 70, "internal error".
  TempDir dir;
  write_file(dir.path / "book" / "book.yaml", kBook + "theme: mine.yaml\n");
  write_file(dir.path / "book" / "a.md", "Text.\n");
  write_file(dir.path / "book" / "mine.yaml",
             "fonts: {body: Noto Serif}\n"
             "page: {width: 1e300pt, height: infpt}\n"
             "sizes: {body: 1e30pt, leading: 0pt, note: nanpt}\n");
  RunResult r = build(dir.path);
  check_refused(
      r, dir.path,
      "book/mine.yaml:2:15: error: a length is at most 14400pt (200in, the largest page of a "
      "PDF) [theme-length]\n"
      "book/mine.yaml:2:32: error: expected a length such as 11pt, 6in, 148mm or 1.2em "
      "[theme-length]\n"
      "book/mine.yaml:3:15: error: a type size or leading is from 1pt to 1000pt [theme-length]\n"
      "book/mine.yaml:3:32: error: a type size or leading is from 1pt to 1000pt [theme-length]\n"
      "book/mine.yaml:3:43: error: expected a length such as 11pt, 6in, 148mm or 1.2em "
      "[theme-length]\n");
  // A measure wider than the page set the text off its edge.
  write_file(dir.path / "book" / "mine.yaml",
             "fonts: {body: Noto Serif}\nmargins: {text-width: 14400pt}\n");
  r = build(dir.path);
  check_refused(r, dir.path,
                "book/mine.yaml:1:1: error: the text is wider than the page less its inner margin "
                "[theme-value]\n");
}

TEST_CASE("bad input: a SOURCE_DATE_EPOCH past the year 9999 is a usage error, exit 2",
          "[bad-input]") {
  // 2^63 - 1 seconds made the year 219250468 (an int narrowed), in dates that must have four
  // digits.
  TempDir dir;
  write_file(dir.path / "book" / "book.yaml", kBook);
  write_file(dir.path / "book" / "a.md", "Text.\n");
  for (const char* epoch :
       {"253402300800", "9223372036854775807", "99999999999999999999", "-1", "1e9"}) {
    RunResult r = build(dir.path, "SOURCE_DATE_EPOCH=" + std::string(epoch) + " ");
    INFO(epoch);
    CHECK(r.err ==
          "recto: error: SOURCE_DATE_EPOCH must be a number of seconds since 1970, up to the end "
          "of 9999\n");
    CHECK(r.exit_code == 2);
    CHECK(!fs::exists(dir.path / "out"));
  }
  RunResult last = build(dir.path, "SOURCE_DATE_EPOCH=253402300799 ");
  CHECK(last.exit_code == 0);
  CHECK(run_command("unzip -p '" + (dir.path / "out" / "odd-input.epub").string() +
                    "' EPUB/content.opf")
            .out.find("9999-12-31T23:59:59Z") != std::string::npos);
}

TEST_CASE(
    "bad input: a paragraph of 100,000 in-text citations, or of 50,000 words, is set in linear "
    "time",
    "[bad-input][limits]") {
  // Each citation split off its text in turn, and each note inserted into the paragraph in place,
  // took minutes (quadratic); so did setting a 50,000-word paragraph a line shorter and longer.
  TempDir dir;
  write_file(dir.path / "book" / "book.yaml", kBook + "bibliography: refs.yaml\n");
  write_file(dir.path / "book" / "refs.yaml", "- id: a\n  type: book\n  title: A\n");
  std::string citations;
  for (int i = 0; i < 100'000; ++i) citations += "@a ";
  write_file(dir.path / "book" / "a.md", citations + "\n");
  RunResult r = run_within("cd '" + dir.path.string() + "' && " + RECTO_BINARY + " check book", 30);
  CHECK(r.exit_code == 0);

  std::string words;
  for (int i = 0; i < 50'000; ++i) words += "*a_ ";
  write_file(dir.path / "book" / "a.md", words + "\n");
  r = run_within(
      "cd '" + dir.path.string() + "' && " + RECTO_BINARY + " build -q --format pdf -o out book",
      30);
  CHECK(r.exit_code == 0);
}

TEST_CASE(
    "bad input: a title, a heading and a link of 20,000 words are built, the PDF's strings and the "
    "name cut",
    "[bad-input]") {
  // Each made libharu fail (exit 70, "internal error"), and the title made a file name too long.
  TempDir dir;
  std::string words;
  for (int i = 0; i < 20'000; ++i) words += "word ";
  write_file(dir.path / "book" / "book.yaml",
             "title: " + words + "\nauthor: " + words + "\nlang: en\n");
  write_file(dir.path / "book" / "a.md", "# " + words + "\n\nA [link](https://example.org/" +
                                             std::string(70'000, 'b') + ") and www." +
                                             std::string(70'000, 'w') + ".org too.\n");
  // Every page's running head was set from the whole title: 90 s and 6 GB.
  RunResult r = run_within(build_command(dir.path), 30);
  CHECK(r.err.find("error") ==
        std::string::npos);  // the long address is an overfull line: a warning, quoting its start
  CHECK(r.err.find("(from 'www.wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww\u2026') [overfull-line]") !=
        std::string::npos);
  REQUIRE(r.exit_code == 0);
  // The running heads are cut to the measure: one line, "word word … word…".
  RunResult pages =
      run_command("cd '" + dir.path.string() + "' && " + RECTO_BINARY + " pages book");
  REQUIRE(pages.exit_code == 0);
  CHECK(pages.out.find("Italic 9.00 \"word word") != std::string::npos);
  CHECK(pages.out.find(" word\u2026\" @") != std::string::npos);
  std::string stem;
  for (int i = 0; i < 20; ++i) stem += i ? "-word" : "word";  // 99 characters: cut before a word
  CHECK(fs::exists(dir.path / "out" / (stem + ".epub")));
  CHECK(run_command("qpdf --check '" + (dir.path / "out" / (stem + ".pdf")).string() + "'")
            .exit_code == 0);
}
