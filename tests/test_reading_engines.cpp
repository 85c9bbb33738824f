// The books opened the way readers open them: the EPUB paged through in foliate-js and epub.js, the
// PDF rendered by pdf.js, each in headless Chromium (tests/engines). Screenshots of the first pages
// are kept in the build folder's engine-shots/.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>

#include "book_words.hpp"
#include "epub_file.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;
using nlohmann::json;

namespace {

// The engines' node_modules, installed once (tests/engines/install.sh).
const std::string& engine_modules() {
  static const std::string modules = [] {
    RunResult r = run_command("tests/engines/install.sh");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r.out.substr(0, r.out.find_last_not_of('\n') + 1);
  }();
  return modules;
}

// What `engine` showed of `book`: the pages in order, the console errors, the note followed.
json read_in_engine(const std::string& engine, const fs::path& book, const std::string& shots,
                    const std::string& crop = "") {
  const fs::path shot_dir = fs::path(RECTO_BUILD_DIR) / "engine-shots" / shots;
  RunResult r = run_command("node tests/engines/read.mjs '" + engine_modules() + "' " + engine + " '" + book.string() +
                            "' '" + shot_dir.string() + "' " + crop);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json result = json::parse(r.out);
  INFO(result["errors"].dump(2));
  CHECK(result["errors"].empty());
  return result;
}

// Words parted at white space (a no-break space joins them, as in the engines).
std::vector<std::string> words_of_text(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// A book's spine documents' text as a reader sees it: every text of the body, a block's apart from
// the next block's.
std::vector<std::string> xhtml_words(const pugi::xml_document& doc) {
  static const std::set<std::string> inline_elements = {"a", "abbr", "b", "cite", "code", "del", "em", "i", "ins",
                                                        "kbd", "mark", "q", "s", "samp", "small", "span", "strong",
                                                        "sub", "sup", "u", "var", "bdi", "bdo", "dfn", "time"};
  std::string text;
  auto walk = [&](auto&& self, const pugi::xml_node& node) -> void {
    for (pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        text += child.value();
      } else if (child.type() == pugi::node_element) {
        const bool block = !inline_elements.count(child.name());
        if (block) text += ' ';
        self(self, child);
        if (block) text += ' ';
      }
    }
  };
  walk(walk, doc.child("html").child("body"));
  return words_of_text(text);
}

// Whether `needle`'s words occur in `hay` in their order; `reached` gets how many did.
bool in_order(const std::vector<std::string>& needle, const std::vector<std::string>& hay, std::size_t& reached) {
  reached = 0;
  for (const std::string& w : hay) {
    if (reached < needle.size() && needle[reached] == w) ++reached;
  }
  return reached == needle.size();
}

void check_epub_in_engine(const std::string& source, const std::string& engine) {
  const BuiltBook& book = built_book(source);
  const Package package = package_of(book.epub);
  json result = read_in_engine(engine, book.path, fs::path(source).filename().string() + "/" + engine);
  const json& pages = result["pages"];
  REQUIRE(pages.is_array());
  REQUIRE(result["sections"] == package.spine.size());

  // Every section is reached, in order; no page is blank; every image shown has loaded; every word
  // is drawn.
  std::vector<std::string> section_text(package.spine.size());
  int last_section = -1;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const json& page = pages[i];
    const int section = page["section"].get<int>();
    INFO("page " << i << " in " << page["href"]);
    CHECK(section >= last_section);
    last_section = section;
    CHECK((!page["text"].get<std::string>().empty() || page["images"].get<int>() > 0));
    CHECK(page["images"] == page["loaded"]);
    CHECK(page["hidden"] == 0);
    section_text[static_cast<std::size_t>(section)] += " " + page["text"].get<std::string>();
  }
  CHECK(last_section == static_cast<int>(package.spine.size()) - 1);

  // Each section shows its document's text, all of it, in order, page after page.
  std::vector<std::string> all;
  for (std::size_t s = 0; s < package.spine.size(); ++s) {
    std::vector<std::string> expected = xhtml_words(book.epub.xml("EPUB/" + package.spine[s]));
    std::vector<std::string> got = words_of_text(section_text[s]);
    INFO(package.spine[s] << ": " << first_difference(expected, got));
    CHECK(got == expected);
    all.insert(all.end(), got.begin(), got.end());
  }
  // ... which is the tree's text: its words appear in order (list numbers and bullets are drawn by
  // CSS, and the notes are a section of their own).
  std::vector<std::string> tree;
  for (const std::string& w : expected_words(source).text) {
    const bool marker = w == "•" || (w.size() >= 2 && w.back() == '.' &&
                                      w.find_first_not_of("0123456789") == w.size() - 1);
    if (!marker) tree.push_back(w);
  }
  std::vector<std::string> shown = split_words([&] {
    std::string text;
    for (const std::string& w : all) text += w + " ";
    return text;
  }());
  std::size_t reached = 0;
  const bool ordered = in_order(tree, shown, reached);
  INFO("the tree's words appear in order up to word " << reached << ": "
       << first_difference(tree, std::vector<std::string>(tree.begin(), tree.begin() + static_cast<std::ptrdiff_t>(reached))));
  CHECK(ordered);

  // The cover is the first page, the title page's text the second's.
  REQUIRE(pages.size() > 2);
  CHECK(pages[0]["images"] == 1);
  CHECK(pages[0]["text"] == "");
  const std::string title = book.epub.xml("EPUB/content.opf").child("package").child("metadata").child_value("dc:title");
  REQUIRE(!title.empty());
  CHECK(pages[1]["text"].get<std::string>().rfind(title, 0) == 0);

  // A note reference, tapped, shows its note.
  const json& note = result["note"];
  bool has_notes = false;
  for (const std::string& href : package.spine) {
    has_notes = has_notes || book.epub.entries.at("EPUB/" + href).find("doc-noteref") != std::string::npos;
  }
  CHECK(note.is_null() == !has_notes);
  if (!note.is_null()) {
    INFO(note.dump(2));
    REQUIRE(note["note"].is_string());
    std::vector<std::string> note_words = words_of_text(note["note"].get<std::string>());
    note_words.resize(std::min<std::size_t>(note_words.size(), 6));
    std::vector<std::string> page_words = words_of_text(note["page"].get<std::string>());
    CHECK(std::search(page_words.begin(), page_words.end(), note_words.begin(), note_words.end()) != page_words.end());
  }
}

}  // namespace

TEST_CASE("foliate-js pages through the essay's EPUB: every section, every word, the cover, a note", "[engines]") {
  check_epub_in_engine("source", "foliate");
}

TEST_CASE("epub.js pages through the essay's EPUB: every section, every word, the cover, a note", "[engines]") {
  check_epub_in_engine("source", "epubjs");
}

TEST_CASE("foliate-js pages through the reader corpus's EPUB", "[engines]") {
  check_epub_in_engine("tests/corpus/reader", "foliate");
}

TEST_CASE("epub.js pages through the reader corpus's EPUB", "[engines]") {
  check_epub_in_engine("tests/corpus/reader", "epubjs");
}

TEST_CASE("foliate-js pages through the multi-chapter book's EPUB", "[engines]") {
  check_epub_in_engine("tests/corpus/books/multi", "foliate");
}

TEST_CASE("epub.js pages through the multi-chapter book's EPUB", "[engines]") {
  check_epub_in_engine("tests/corpus/books/multi", "epubjs");
}

namespace {

// pdf.js does not read ActualText, which marks a hyphen at a line's end as a word's break: it sees
// "propri- etary" where other tools see "proprietary". Its words are compared without hyphens.
std::vector<std::string> without_hyphens(std::vector<std::string> words) {
  for (std::string& w : words) w.erase(std::remove(w.begin(), w.end(), '-'), w.end());
  return words;
}

// Renders every page of the book's PDF in `theme` with pdf.js: no errors, every page with text drawn
// in ink; returns the words pdf.js extracts, without the running heads and folios.
std::vector<std::string> read_pdf_in_pdfjs(const std::string& source, const std::string& theme) {
  TempDir dir;
  RunResult built = run_recto("build -q --format pdf --theme " + theme + " -o '" + dir.path.string() + "' '" + source + "'");
  REQUIRE(built.exit_code == 0);
  fs::path pdf;
  for (const auto& e : fs::directory_iterator(dir.path)) pdf = e.path();
  const ThemePage page = theme_page(theme);
  json result = read_in_engine("pdfjs", pdf, fs::path(source).filename().string() + "/pdfjs-" + theme,
                               std::to_string(page.crop_top()) + " " + std::to_string(page.crop_bottom()));
  RunResult info = run_command("pdfinfo '" + pdf.string() + "' | sed -n 's/^Pages: *//p'");
  REQUIRE(result["pages"].size() == static_cast<std::size_t>(std::stoi(info.out)));
  std::string text;
  for (const json& p : result["pages"]) {
    CHECK((p["text"] == "" || p["dark"].get<int>() > 0));  // a page with text has ink on it
    text += p["text"].get<std::string>() + "\n";
  }
  return without_hyphens(words_joined_at_soft_hyphens(text));
}

}  // namespace

TEST_CASE("pdf.js renders every page of the essay in each theme, and extracts the tree's text", "[engines][pdf]") {
  TreeWords tree = expected_words("source");
  tree.text = without_hyphens(tree.text);
  tree.notes = without_hyphens(tree.notes);
  for (const std::string theme : {"trade", "a5", "ereader"}) {
    DYNAMIC_SECTION(theme) { check_words_are_the_books(read_pdf_in_pdfjs("source", theme), tree, theme == "ereader"); }
  }
}

TEST_CASE("pdf.js renders every page of the corpus books in each theme", "[engines][pdf]") {
  for (const std::string source : {"tests/corpus/reader", "tests/corpus/books/multi"}) {
    for (const std::string theme : {"trade", "a5", "ereader"}) {
      DYNAMIC_SECTION(source << " " << theme) { CHECK(read_pdf_in_pdfjs(source, theme).size() > 1000); }
    }
  }
}
