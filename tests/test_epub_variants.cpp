// The Kobo and Kindle EPUBs (--format kepub, kindle): epubcheck, Kobo's sentence spans and wrappers,
// Kindle's plainer markup, the same text as the plain EPUB, and Calibre's ebook-convert making AZW3.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "epub_file.hpp"
#include "epubcheck.hpp"
#include "sentence_breaks.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;

namespace {

const char* const books[] = {"source", "tests/corpus/books/multi", "tests/corpus/reader"};
const std::string word_joiner = "\u2060";

bool all_space(const std::string& text) { return text.find_first_not_of(" \t\n\r\f") == std::string::npos; }

bool is_kobo_span(pugi::xml_node e) {
  return std::string(e.name()) == "span" && std::string(e.attribute("class").value()) == "koboSpan";
}

// Calls f(href, document) for each content document of the spine, in reading order.
void each_spine_document(const EpubFile& epub,
                         const std::function<void(const std::string&, const pugi::xml_document&)>& f) {
  for (const std::string& href : package_of(epub).spine) f(href, epub.xml("EPUB/" + href));
}

// The text of the book's bodies, in reading order (a kepub may cut a long chapter into more files).
std::string body_text(const EpubFile& epub) {
  std::string text;
  each_spine_document(epub, [&](const std::string&, const pugi::xml_document& doc) {
    text += text_of(doc.child("html").child("body"));
  });
  return text;
}

std::string language(const EpubFile& epub) {
  return epub.xml("EPUB/content.opf").child("package").attribute("xml:lang").value();
}

// Checks the spans of one content document: every text that kepubify spans is alone in a koboSpan,
// every image too, nothing in pre; ids kobo.P.S in document order go (P, S + 1) or (P + 1, 1).
void check_kobo_spans(const pugi::xml_document& doc) {
  std::vector<std::pair<int, int>> ids;
  std::size_t images = 0;
  std::function<void(pugi::xml_node, bool)> walk = [&](pugi::xml_node node, bool in_pre) {
    for (pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_pcdata) {
        std::string text = child.value();
        bool spanned = is_kobo_span(node);
        INFO("text '" << text << "' in <" << node.name() << ">");
        if (in_pre) CHECK(!spanned);
        else if (!spanned) CHECK((all_space(text) && std::string(node.name()) != "p"));
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      std::string name = child.name();
      if (is_kobo_span(child)) {
        CHECK(!in_pre);
        std::smatch m;
        std::string id = child.attribute("id").value();
        REQUIRE(std::regex_match(id, m, std::regex(R"(kobo\.(\d+)\.(\d+))")));
        ids.emplace_back(std::stoi(m[1]), std::stoi(m[2]));
        // One text node or one image, nothing else.
        INFO("span " << id);
        CHECK(child.first_child());
        CHECK(child.first_child() == child.last_child());
        CHECK((child.first_child().type() == pugi::node_pcdata || std::string(child.first_child().name()) == "img"));
      } else if (name == "img") {
        ++images;
        CHECK(is_kobo_span(node));
      }
      walk(child, in_pre || name == "pre");
    }
  };
  walk(doc.child("html").child("body"), false);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto [p, s] = ids[i];
    INFO("span " << i << ": kobo." << p << "." << s);
    if (i == 0) {
      CHECK(p <= 1);
      CHECK(s == 1);
    } else {
      auto [before_p, before_s] = ids[i - 1];
      CHECK(((p == before_p && s == before_s + 1) || (p == before_p + 1 && s == 1)));
    }
  }
  CHECK(!ids.empty());
}

// Checks that each paragraph and heading is cut into spans where ICU's sentence iterator ends its
// sentences (a span may also end where inline markup does; the space after a sentence that ended
// inside inline markup stays with the next span).
void check_sentences(const pugi::xml_document& doc, const std::string& lang) {
  collect(doc.child("html").child("body"), [&](pugi::xml_node block) {
    static const std::regex names("p|h[1-6]");
    if (!std::regex_match(std::string(block.name()), names)) return;
    std::string text;
    std::vector<std::size_t> edges;
    collect(block, [&](pugi::xml_node e) {
      if (!is_kobo_span(e) || e.first_child().type() != pugi::node_pcdata) return;
      edges.push_back(text.size());
      text += e.first_child().value();
    });
    INFO("<" << block.name() << "> " << text);
    CHECK(text == text_of(block));
    std::string for_icu = text;
    for (char& c : for_icu) c = c == '\n' ? ' ' : c;
    for (std::size_t end : recto::text::sentence_boundaries(for_icu, lang)) {
      INFO("a sentence ends at byte " << end);
      auto edge = std::upper_bound(edges.begin(), edges.end(), end);
      REQUIRE(edge != edges.begin());
      --edge;
      CHECK(all_space(text.substr(*edge, end - *edge)));
    }
  });
}

// Each entry of a nav's toc or an NCX navMap as "depth href title", in order.
void toc_entries(pugi::xml_node list, const char* item, int depth, std::vector<std::string>& out) {
  for (pugi::xml_node e : list.children(item)) {
    bool nav = std::string(item) == "li";
    std::string href = nav ? e.child("a").attribute("href").value() : e.child("content").attribute("src").value();
    std::string title = nav ? text_of(e.child("a")) : text_of(e.child("navLabel").child("text"));
    out.push_back(std::to_string(depth) + " " + href + " " + title);
    toc_entries(nav ? e.child("ol") : e, item, depth + 1, out);
  }
}

std::vector<std::string> nav_toc(const EpubFile& epub) {
  std::vector<std::string> out;
  pugi::xml_document nav = epub.xml("EPUB/nav.xhtml");
  toc_entries(nav.select_node("//nav[@id='toc']").node().child("ol"), "li", 1, out);
  return out;
}

std::vector<std::string> ncx_toc(const EpubFile& epub) {
  std::vector<std::string> out;
  pugi::xml_document ncx = epub.xml("EPUB/toc.ncx");
  toc_entries(ncx.child("ncx").child("navMap"), "navPoint", 1, out);
  return out;
}

int deepest(const std::vector<std::string>& entries) {
  int depth = 0;
  for (const auto& e : entries) depth = std::max(depth, std::stoi(e));
  return depth;
}

std::vector<std::string> within_two_levels(const std::vector<std::string>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) {
    if (std::stoi(e) <= 2) out.push_back(e);
  }
  return out;
}

// Every epub:type attribute in the book, as "file: element=value".
std::vector<std::string> epub_types(const EpubFile& epub) {
  std::vector<std::string> out;
  for (const auto& name : epub.order) {
    if (name.size() < 6 || name.compare(name.size() - 6, 6, ".xhtml") != 0) continue;
    pugi::xml_document doc = epub.xml(name);
    collect(doc, [&](pugi::xml_node e) {
      if (auto type = e.attribute("epub:type")) out.push_back(name + ": " + e.name() + "=" + type.value());
    });
  }
  return out;
}

// Calibre's ebook-convert (Debian's calibre 6.13) makes an AZW3 of the EPUB, as a stand-in for
// Amazon's own converter. EPUB to AZW3 runs here headless and as root without any setting (checked
// for these books), but a conversion that starts Qt WebEngine needs Qt without a display (offscreen)
// and Chromium without its sandbox (refused as root): both are set, so that such a book does not fail.
void check_azw3(const fs::path& epub) {
  fs::path azw3 = epub.parent_path() / (epub.stem().string() + ".azw3");
  RunResult r = run_command("QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox ebook-convert '" +
                            epub.string() + "' '" + azw3.string() + "' 2>&1");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Traceback") == std::string::npos);
  CHECK(r.out.find("ERROR") == std::string::npos);
  REQUIRE(fs::exists(azw3));
  CHECK(fs::file_size(azw3) > 10000);
}

void check_ebook_convert(const std::string& source) {
  for (const char* format : {"kepub", "kindle"}) {
    DYNAMIC_SECTION(format) { check_azw3(built_book(source, format).path); }
  }
}

// epubcheck as on the plain EPUB, with the usage notes that the variants get besides: a kepub's many
// spans (HTM-022), and the file of a long chapter that its spans made longer, cut between paragraphs,
// which no toc entry names (OPF-058, OPF-059); a Kindle EPUB's missing landmarks (ACC-008).
void check_variant(const std::string& source, const std::string& format) {
  std::set<std::string> also_expected = {"ACC-008"};
  if (format == "kepub") also_expected = {"HTM-022", "OPF-058", "OPF-059"};
  check_epubcheck(built_book(source, format).path, also_expected);
}

}  // namespace

TEST_CASE("epubcheck passes the essay's kepub", "[epub][variants][validators]") {
  check_variant("source", "kepub");
}
TEST_CASE("epubcheck passes the essay's Kindle EPUB", "[epub][variants][validators]") {
  check_variant("source", "kindle");
}
TEST_CASE("epubcheck passes the multi-chapter book's kepub", "[epub][variants][validators]") {
  check_variant("tests/corpus/books/multi", "kepub");
}
TEST_CASE("epubcheck passes the multi-chapter book's Kindle EPUB", "[epub][variants][validators]") {
  check_variant("tests/corpus/books/multi", "kindle");
}
TEST_CASE("epubcheck passes the reader corpus book's kepub", "[epub][variants][validators]") {
  check_variant("tests/corpus/reader", "kepub");
}
TEST_CASE("epubcheck passes the reader corpus book's Kindle EPUB", "[epub][variants][validators]") {
  check_variant("tests/corpus/reader", "kindle");
}

TEST_CASE("the kepub's sentences are in koboSpans numbered by paragraph, inside Kobo's wrappers",
          "[epub][variants]") {
  for (const char* source : books) {
    DYNAMIC_SECTION(source) {
      const EpubFile& kepub = built_book(source, "kepub").epub;
      std::string lang = language(kepub);
      std::size_t documents = 0;
      each_spine_document(kepub, [&](const std::string& href, const pugi::xml_document& doc) {
        INFO(href);
        ++documents;
        pugi::xml_node body = doc.child("html").child("body");
        pugi::xml_node columns = body.first_child();
        CHECK(columns == body.last_child());
        CHECK(std::string(columns.attribute("id").value()) == "book-columns");
        pugi::xml_node inner = columns.first_child();
        CHECK(inner == columns.last_child());
        CHECK(std::string(inner.name()) == "div");
        CHECK(std::string(inner.attribute("id").value()) == "book-inner");
        CHECK(doc.child("html").child("head").find_child_by_attribute("style", "class", "kobostylehacks"));
        CHECK(kepub.entries.at("EPUB/" + href).size() < 260 * 1024);  // what Kobo's older readers take
        check_kobo_spans(doc);
        check_sentences(doc, lang);
      });
      CHECK(documents >= 4);
      // The navigation document has no spans.
      CHECK(kepub.entries.at("EPUB/nav.xhtml").find("koboSpan") == std::string::npos);
      // And the text is the plain EPUB's, word for word.
      CHECK(body_text(kepub) == body_text(built_book(source).epub));
    }
  }
}

TEST_CASE("koboSpans cut at ICU's sentence ends, across inline markup, and wrap images", "[epub][variants]") {
  TempDir dir;
  write_file(dir.path / "book" / "book.yaml", "title: Spans\nauthor: A. Writer\nlang: en\n");
  write_file(dir.path / "book" / "a.md",
             "# A chapter\n\n"
             "Mr. Smith went home. He slept *very well. Then he* woke up! Did he?\nYes.\n\n"
             "```\nCode. Is not cut.\n```\n\n"
             "![A harbour.](harbour.png)\n\n"
             "- One. Two.\n- Three.\n");
  fs::copy_file("tests/corpus/books/multi/images/harbour.png", dir.path / "book" / "harbour.png");
  RunResult r = run_recto("build -q --format kepub -o '" + (dir.path / "out").string() + "' '" +
                          (dir.path / "book").string() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  EpubFile kepub = open_epub(dir.path / "out" / "spans.kepub.epub");
  pugi::xml_document doc = kepub.xml("EPUB/a.xhtml");
  std::vector<std::string> spans;
  collect(doc.child("html").child("body"), [&](pugi::xml_node e) {
    if (!is_kobo_span(e)) return;
    pugi::xml_node content = e.first_child();
    spans.push_back(std::string(e.attribute("id").value()) + " " +
                    (content.type() == pugi::node_pcdata ? content.value() : "<" + std::string(content.name()) + ">"));
  });
  CHECK(spans == std::vector<std::string>{
                     "kobo.1.1 A chapter",
                     "kobo.2.1 Mr. Smith went home. ",  // ICU's suppressions: "Mr." ends no sentence
                     "kobo.2.2 He slept ",
                     "kobo.2.3 very well. ",  // a sentence that crosses <em> is two spans
                     "kobo.2.4 Then he",
                     "kobo.2.5  woke up! ",
                     "kobo.2.6 Did he?\n",  // a soft line break is a space, not a sentence end
                     "kobo.2.7 Yes.",
                     "kobo.3.1 <img>",  // an image: a paragraph of its own, then its caption
                     "kobo.3.2 A harbour.",
                     "kobo.4.1 One. ",  // a list is one paragraph
                     "kobo.4.2 Two.",
                     "kobo.4.3 Three.",
                 });
  CHECK(kepub.entries.at("EPUB/a.xhtml").find("<pre><code>Code. Is not cut.</code></pre>") != std::string::npos);
}

TEST_CASE("the Kindle EPUB has no epub:type but the nav's toc, and a toc two levels deep", "[epub][variants]") {
  for (const char* source : books) {
    DYNAMIC_SECTION(source) {
      const EpubFile& kindle = built_book(source, "kindle").epub;
      const EpubFile& plain = built_book(source).epub;
      CHECK(epub_types(kindle) == std::vector<std::string>{"EPUB/nav.xhtml: nav=toc"});
      CHECK(epub_types(plain).size() > 5);
      for (const auto& name : kindle.order) {
        INFO(name);
        // The epub namespace is declared only where it is used.
        if (name != "EPUB/nav.xhtml") CHECK(kindle.entries.at(name).find("xmlns:epub") == std::string::npos);
      }
      // The toc: the plain EPUB's entries down to the second level, in the nav and in the NCX.
      std::vector<std::string> nav = nav_toc(kindle), ncx = ncx_toc(kindle);
      CHECK(deepest(nav) <= 2);
      CHECK(nav == within_two_levels(nav_toc(plain)));
      CHECK(ncx == within_two_levels(ncx_toc(plain)));
      CHECK(nav.size() >= 4);
      pugi::xml_document ncx_doc = kindle.xml("EPUB/toc.ncx");
      CHECK(std::stoi(ncx_doc.select_node("//meta[@name='dtb:depth']").node().attribute("content").value()) ==
            deepest(ncx));
      if (std::string(source) != "source") CHECK(deepest(nav_toc(plain)) == 3);  // so that the cut is tested
      // Same text as the plain EPUB (which has no word joiners to strip in these books).
      CHECK(body_text(kindle) == body_text(plain));
    }
  }
}

TEST_CASE("the Kindle EPUB leaves out word joiners, and only it does", "[epub][variants]") {
  TempDir dir;
  const std::string wj = word_joiner;
  write_file(dir.path / "book" / "book.yaml",
             "title: Joiners\nsubtitle: Word" + wj + "—joined\nauthor: A. Writer\nlang: en\n");
  write_file(dir.path / "book" / "a.md", "# Head" + wj + "ing\n\nA word" + wj + "—joined" + wj + "… text.[^1]\n\n"
                                         "[^1]: A note" + wj + ".\n");
  for (const char* format : {"epub", "kindle"}) {
    RunResult r = run_recto(std::string("build -q --format ") + format + " -o '" + (dir.path / "out").string() +
                            "' '" + (dir.path / "book").string() + "'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  EpubFile plain = open_epub(dir.path / "out" / "joiners.epub");
  EpubFile kindle = open_epub(dir.path / "out" / "joiners.kindle.epub");
  CHECK(plain.entries.at("EPUB/a.xhtml").find(wj) != std::string::npos);
  for (const auto& [name, bytes] : kindle.entries) {
    INFO(name);
    CHECK(bytes.find(wj) == std::string::npos);
  }
  CHECK(kindle.entries.at("EPUB/a.xhtml").find("A word—joined… text.") != std::string::npos);
  CHECK(kindle.entries.at("EPUB/content.opf").find("<dc:title id=\"subtitle\">Word—joined</dc:title>") !=
        std::string::npos);
}

TEST_CASE("Calibre's ebook-convert makes AZW3 of the essay's Kobo and Kindle EPUBs",
          "[epub][variants][calibre]") {
  check_ebook_convert("source");
}
TEST_CASE("Calibre's ebook-convert makes AZW3 of the multi-chapter book's Kobo and Kindle EPUBs",
          "[epub][variants][calibre]") {
  check_ebook_convert("tests/corpus/books/multi");
}
TEST_CASE("Calibre's ebook-convert makes AZW3 of the reader corpus book's Kobo and Kindle EPUBs",
          "[epub][variants][calibre]") {
  check_ebook_convert("tests/corpus/reader");
}
