// The resolve stage: the essay's notes against the seed's reference list, each item type, locators,
// prefixes and suffixes, several citations in one bracket, ids and the References division.
#include <catch2/catch.hpp>

#include <sstream>

#include "citation_style.hpp"
#include "identifiers.hpp"
#include "resolve.hpp"
#include "support.hpp"
#include "tree_walk.hpp"

using namespace recto;
using namespace recto::test;

namespace {

void plain(const Inlines& xs, std::string& out) {
  for (const Inline& x : xs) {
    if (auto* s = std::get_if<Str>(&x.node)) out += s->text;
    if (std::holds_alternative<SoftBreak>(x.node)) out += ' ';
    if (const Inlines* children = inline_children(x)) plain(*children, out);
  }
}

// The text of every note, in order.
std::vector<std::string> note_texts(Document& doc) {
  std::vector<std::string> texts;
  for (auto& division : doc.divisions) {
    walk_inlines(division.blocks, [&](Inline& x) {
      auto* note = std::get_if<Note>(&x.node);
      if (!note) return;
      std::string text;
      for (auto& b : note->content) {
        if (Inlines* xs = block_inlines(b)) plain(*xs, text);
      }
      texts.push_back(std::to_string(note->number) + ". " + text);
    });
  }
  return texts;
}

Document resolved(const std::map<std::string, std::string>& files) {
  ReadResult r = read_files(files);
  INFO(r.diagnostics());
  REQUIRE_FALSE(r.diags.has_errors());
  Diagnostics diags;
  return resolve(std::move(r.doc), ResolveOptions{}, r.env, diags);  // the Env that knows its files
}

const std::string kRefs = R"(- id: web
  type: webpage
  author: [{family: Smith, given: John}]
  title: Designing Readable Ebooks
  container-title: example.com
  issued: {date-parts: [[2019]]}
- id: journal
  type: article-journal
  author: [{family: Doe, given: Jane}, {family: Roe, given: Richard Q.}]
  title: Typesetting Footnotes
  container-title: Journal of Digital Publishing
  volume: 12
  page: 45-67
  issued: {date-parts: [[2020]]}
- id: book
  type: book
  author: [{family: Lee, given: Min-jun}]
  title: A History of the Printed Page
  publisher: Harbour Press
  publisher-place: Seoul
  issued: 2018
- id: chapter
  type: chapter
  author: [{family: Kim, given: Soo-ah}]
  editor: [{family: Park, given: Ji-woo}]
  title: Citations Across Scripts
  container-title: Handbook of Multilingual Publishing
  publisher: Lantern Books
  page: 101-125
  issued: 2021
- id: thesis
  type: thesis
  author: [{family: Ng, given: Ada}]
  title: Notes on Notes
  genre: PhD thesis
  publisher: University of Oxford
  issued: 2017
- id: article
  type: article
  title: “Quoted” Words in a Title
  container-title: The Economist
  issued: 2018
)";

}  // namespace

TEST_CASE("the essay's 14 notes read exactly like the seed's 14 references", "[resolve]") {
  ReadResult r = read("source");
  Document doc = resolve(std::move(r.doc), ResolveOptions{}, r.env, r.diags);
  std::vector<std::string> seed;
  std::istringstream in(read_text("tests/fixtures/wechat-is-watching.raw.txt"));
  std::string line;
  bool refs = false;
  while (std::getline(in, line)) {
    if (line == "References") refs = true;
    if (refs && !line.empty() && std::isdigit(static_cast<unsigned char>(line[0]))) seed.push_back(line);
  }
  REQUIRE(seed.size() == 14);
  CHECK(note_texts(doc) == seed);
}

TEST_CASE("each item type renders in the numeric style", "[resolve]") {
  Document doc = resolved({{"book.yaml", "bibliography: refs.yaml\n"},
                           {"refs.yaml", kRefs},
                           {"a.md", "A[@web] B[@journal] C[@book] D[@chapter] E[@thesis] F[@article]\n"}});
  CHECK(note_texts(doc) == std::vector<std::string>{
                               "1. Smith, J. Designing Readable Ebooks. example.com (2019).",
                               "2. Doe, J. & Roe, R.Q. Typesetting Footnotes. Journal of Digital Publishing 12, 45–67 (2020).",
                               "3. Lee, M.-J. A History of the Printed Page (Harbour Press, Seoul, 2018).",
                               "4. Kim, S.-A. Citations Across Scripts. In Handbook of Multilingual Publishing (ed. Park, J.-W.) 101–125 (Lantern Books, 2021).",
                               "5. Ng, A. Notes on Notes. PhD thesis, University of Oxford (2017).",
                               "6. “Quoted” Words in a Title. The Economist (2018).",
                           });
}

TEST_CASE("prefix and locator and suffix and several citations in one bracket", "[resolve]") {
  Document doc = resolved({{"book.yaml", "bibliography: refs.yaml\n"},
                           {"refs.yaml", kRefs},
                           {"a.md", "A [see @web, p. 4]. B [@journal, pp. 33-35, emphasis added]. "
                                    "C [@book; @thesis, chap. 2]. D [-@web]. E @book [p. 7] says.\n"}});
  CHECK(note_texts(doc) == std::vector<std::string>{
                               "1. see Smith, J. Designing Readable Ebooks. example.com (2019), p.\u00A04.",
                               "2. Doe, J. & Roe, R.Q. Typesetting Footnotes. Journal of Digital Publishing 12, 45–67 (2020), pp.\u00A033–35, emphasis added.",
                               "3. Lee, M.-J. A History of the Printed Page (Harbour Press, Seoul, 2018); Ng, A. Notes on Notes. PhD thesis, University of Oxford (2017), chap.\u00A02.",
                               "4. Designing Readable Ebooks. example.com (2019).",
                               "5. Lee, M.-J. A History of the Printed Page (Harbour Press, Seoul, 2018), p.\u00A07.",
                           });
  // The in-text citation keeps the author's name in the sentence.
  std::string para;
  plain(std::get<Para>(doc.divisions[0].blocks[0].node).content, para);
  CHECK(para.find("E Lee says.") != std::string::npos);
}

namespace {

// The first paragraph's text with its notes as "[n]" and its soft breaks as "/".
std::string note_shape(const Document& doc) {
  std::string shape;
  for (const Inline& x : std::get<Para>(doc.divisions[0].blocks[0].node).content) {
    if (auto* s = std::get_if<Str>(&x.node)) shape += s->text;
    if (auto* n = std::get_if<Note>(&x.node)) shape += "[" + std::to_string(n->number) + "]";
    if (std::holds_alternative<SoftBreak>(x.node)) shape += "/";
  }
  return shape;
}

}  // namespace

TEST_CASE("a citation note goes after the punctuation that follows it, without a space before it", "[resolve]") {
  Document doc = resolved({{"book.yaml", "bibliography: refs.yaml\n"},
                           {"refs.yaml", kRefs},
                           {"a.md", "A claim [@web]. Another [@book], and more [@thesis]; last [@journal]\n"}});
  CHECK(note_shape(doc) == "A claim.[1] Another,[2] and more;[3] last[4]");
}

TEST_CASE("a citation note at the start of a line goes after the punctuation without the line's end before it",
          "[resolve]") {
  // "explains why\n[@web]." read "explains why .¹": the soft break stayed before the moved full stop.
  Document doc = resolved({{"book.yaml", "bibliography: refs.yaml\n"},
                           {"refs.yaml", kRefs},
                           {"a.md", "It explains why\n[@web]. Then more\n[@book]\nand the rest.\n"}});
  CHECK(note_shape(doc) == "It explains why.[1] Then more[2]/and the rest.");
}

TEST_CASE("footnotes and citations share one sequence and the References list cited items once", "[resolve]") {
  Document doc = resolved({{"book.yaml", "bibliography: refs.yaml\nlang: fr\n"},
                           {"refs.yaml", kRefs},
                           {"a.md", "One[^a] two[@book] three[@web] four[@book].\n\n[^a]: A note citing [@thesis].\n"}});
  std::vector<std::string> notes = note_texts(doc);
  REQUIRE(notes.size() == 4);
  CHECK(notes[0] == "1. A note citing Ng, A. Notes on Notes. PhD thesis, University of Oxford (2017).");
  CHECK(notes[1].rfind("2. Lee", 0) == 0);
  REQUIRE(doc.divisions.size() == 2);
  const Division& refs = doc.divisions[1];
  CHECK(refs.attr.has_class("references"));
  const auto& header = std::get<Header>(refs.blocks[0].node);
  CHECK(std::get<Str>(header.content[0].node).text == "Références");
  const auto& list = std::get<OrderedList>(refs.blocks[1].node);
  std::vector<std::string> ids;
  for (const auto& item : list.items) ids.push_back(std::get<Div>(item[0].node).attr.id);
  CHECK(ids == std::vector<std::string>{"ref-thesis", "ref-book", "ref-web"});
}

TEST_CASE("headings get pandoc's identifiers and duplicates are numbered or reported", "[resolve]") {
  Document doc = resolved({{"a.md", "# Hello, *World*!\n\n# Hello, World\n\n## 2. Über “Daten”\n\n# Explicit {#mine}\n"}});
  std::vector<std::string> ids;
  walk_blocks(doc.divisions[0].blocks, [&](Block& b) {
    if (auto* h = std::get_if<Header>(&b.node)) ids.push_back(h->attr.id);
  });
  CHECK(ids == std::vector<std::string>{"hello-world", "hello-world-1", "über-daten", "mine"});

  ReadResult r = read_files({{"a.md", "# A {#same}\n\n::: {#same}\nx\n:::\n"}});
  resolve(std::move(r.doc), ResolveOptions{}, r.env, r.diags);
  CHECK(r.diagnostics() == "a.md:3:1: error: duplicate id 'same' [duplicate-id]\n  hint: the first one is on line 1\n");
}

TEST_CASE("initials and locators", "[resolve]") {
  CHECK(initials("J.Q.") == "J.Q.");
  CHECK(initials("John") == "J.");
  CHECK(initials("Min-jun") == "M.-J.");
  CHECK(initials("Mary Ann") == "M.A.");
  Locator l = parse_locator(", pp. 33-35, emphasis added");
  CHECK(l.label == "pp.");
  CHECK(l.value == "33–35");
  CHECK(l.rest == ", emphasis added");
  CHECK(parse_locator("and elsewhere").label.empty());
}
