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

// The words of the book as the PDF sets them: title page, text (note numbers after their word), the
// notes, the References (numbered).
void words_of(const Inlines& xs, std::string& out) {
  for (const Inline& x : xs) {
    if (auto* s = std::get_if<Str>(&x.node)) out += s->text;
    else if (auto* c = std::get_if<Code>(&x.node)) out += c->text;
    else if (std::holds_alternative<SoftBreak>(x.node) || std::holds_alternative<LineBreak>(x.node)) out += ' ';
    else if (auto* n = std::get_if<Note>(&x.node)) out += std::to_string(n->number);
    else if (const Inlines* children = inline_children(x)) words_of(*children, out);
  }
}

void words_of(const Blocks& bs, std::string& out) {
  for (const Block& b : bs) {
    if (auto* l = std::get_if<OrderedList>(&b.node)) {
      int n = l->start;
      for (const Blocks& item : l->items) {
        out += " " + std::to_string(n++) + ". ";
        words_of(item, out);
      }
    } else if (auto* bullets = std::get_if<BulletList>(&b.node)) {
      for (const Blocks& item : bullets->items) {
        out += " • ";
        words_of(item, out);
      }
    } else if (auto* c = std::get_if<CodeBlock>(&b.node)) {
      out += " " + c->text + " ";
    } else if (const Inlines* xs = block_inlines(const_cast<Block&>(b))) {
      out += ' ';
      words_of(*xs, out);
      out += ' ';
    } else {
      for_each_child(
          const_cast<Block&>(b), [&](Blocks& children) { words_of(children, out); },
          [&](Inlines& inlines) {
            out += ' ';
            words_of(inlines, out);
            out += ' ';
          });
    }
  }
}

// Words split at white space; a word ending in a hyphen, a dash or a slash is joined with the next,
// as a line may break after them (ICU's break opportunities).
std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  bool join = false;
  for (std::string w; in >> w;) {
    if (join) words.back() += w;
    else words.push_back(w);
    const std::string& last = words.back();
    join = !last.empty() && (last.back() == '-' || last.back() == '/' ||
                             (last.size() >= 3 && (last.compare(last.size() - 3, 3, "—") == 0 ||
                                                   last.compare(last.size() - 3, 3, "–") == 0)));
  }
  return words;
}

// The tree's words in reading order: the text (with the References at its end) and the notes.
struct TreeWords {
  std::vector<std::string> text, notes;
};

TreeWords expected_words(const fs::path& source) {
  ReadResult r = read(source);
  Document doc = resolve(std::move(r.doc), ResolveOptions{}, r.env, r.diags);
  std::string text = doc.meta.title + " " + doc.meta.subtitle + " ";
  for (const auto& a : doc.meta.authors) text += a + " ";
  text += doc.meta.source + " ";
  const Division* references = nullptr;
  std::string notes;
  for (const Division& d : doc.divisions) {
    if (d.attr.has_class("references")) references = &d;
    else words_of(d.blocks, text);
    walk_inlines(d.blocks, [&](const Inline& x) {
      if (auto* n = std::get_if<Note>(&x.node)) {
        notes += " " + std::to_string(n->number) + ". ";
        words_of(n->content, notes);
      }
    });
  }
  if (references) words_of(references->blocks, text);
  return {split_words(text), split_words(notes)};
}

// The words of a book with endnotes: the text, a Notes section, then the References.
std::vector<std::string> with_endnotes(const TreeWords& tree, std::size_t references_words) {
  std::vector<std::string> out(tree.text.begin(), tree.text.end() - static_cast<std::ptrdiff_t>(references_words));
  out.push_back("Notes");
  out.insert(out.end(), tree.notes.begin(), tree.notes.end());
  out.insert(out.end(), tree.text.end() - static_cast<std::ptrdiff_t>(references_words), tree.text.end());
  return out;
}

// Whether `got` is `a` and `b` interleaved, each in its order (text with footnotes at page feet);
// `reached` gets how far into `got` the longest interleaved prefix goes.
bool interleaves(const std::vector<std::string>& got, const std::vector<std::string>& a,
                 const std::vector<std::string>& b, std::size_t& reached) {
  if (got.size() != a.size() + b.size()) return false;
  // can[j]: got's first i + j words are a's first i and b's first j, for the current i.
  std::vector<char> can(b.size() + 1, 0);
  reached = 0;
  for (std::size_t i = 0; i <= a.size(); ++i) {
    for (std::size_t j = 0; j <= b.size(); ++j) {
      bool ok = i == 0 && j == 0;
      if (i > 0 && can[j] && got[i + j - 1] == a[i - 1]) ok = true;
      if (j > 0 && can[j - 1] && got[i + j - 1] == b[j - 1]) ok = true;  // can[j - 1] is this row's
      can[j] = ok;
      if (ok) reached = std::max(reached, i + j);
    }
  }
  return can[b.size()];
}

// pdftotext's words, without folios and running heads (the text is cropped inside the top and bottom
// margins), a word hyphenated at a line's end joined again: its hyphen's text is a soft hyphen (U+00AD).
std::vector<std::string> pdf_words(const fs::path& pdf, double page_height, double margin_top, double margin_bottom) {
  int top = static_cast<int>(margin_top * 0.8), bottom = static_cast<int>(margin_bottom * 0.75);
  RunResult r = run_command("pdftotext -r 72 -x 0 -y " + std::to_string(top) + " -W 10000 -H " +
                            std::to_string(static_cast<int>(page_height) - top - bottom) + " " + quoted(pdf) + " -");
  REQUIRE(r.exit_code == 0);
  const std::string soft_hyphen = "\u00AD";
  std::vector<std::string> words;
  bool join = false;
  for (std::string& w : split_words(r.out)) {
    bool hyphenated = w.size() > soft_hyphen.size() && w.compare(w.size() - soft_hyphen.size(), soft_hyphen.size(), soft_hyphen) == 0;
    if (hyphenated) w.erase(w.size() - soft_hyphen.size());
    if (join) words.back() += w;
    else words.push_back(w);
    join = hyphenated;
  }
  return words;
}

std::string first_difference(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  auto around = [&](const std::vector<std::string>& v) {
    std::string s;
    for (std::size_t j = i >= 5 ? i - 5 : 0; j < std::min(v.size(), i + 6); ++j) s += (j == i ? "[" : "") + v[j] + (j == i ? "] " : " ");
    return s;
  };
  return "word " + std::to_string(i) + "\n  tree: " + around(a) + "\n  pdf:  " + around(b);
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
  TreeWords tree = expected_words("source");
  REQUIRE(tree.text.size() > 3000);
  std::size_t references = 0;  // the References' words, after the Notes section in a book with endnotes
  for (std::size_t i = tree.text.size(); i-- > 0 && tree.text[i] != "References";) ++references;
  ++references;
  struct Page {
    double height, margin_top, margin_bottom;
  };
  const std::map<std::string, Page> page = {
      {"trade", {648, 54, 61.2}}, {"a5", {595.28, 56.69, 62.36}}, {"ereader", {340.16, 14.17, 19.84}}};
  for (const char* theme : themes) {
    DYNAMIC_SECTION(theme) {
      auto pdf = build_pdf("source", theme);
      const Page& p = page.at(theme);
      std::vector<std::string> got = pdf_words(pdf->path, p.height, p.margin_top, p.margin_bottom);
      if (std::string(theme) == "ereader") {  // endnotes
        std::vector<std::string> expected = with_endnotes(tree, references);
        INFO(first_difference(expected, got));
        CHECK(got == expected);
      } else {  // footnotes: each page's notes after its text
        std::size_t reached = 0;
        bool ok = interleaves(got, tree.text, tree.notes, reached);
        INFO("the PDF's words are the text and the notes interleaved up to word " << reached << ": ... "
             << first_difference(got, std::vector<std::string>(got.begin(), got.begin() + static_cast<std::ptrdiff_t>(reached))));
        CHECK(ok);
      }
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
