// What the EPUB's XHTML says: the essay's note markup, figures, tables, code, languages, pull quotes,
// the title page, the colophon, the cutting of a long chapter into files, and text XML cannot hold.
#include <catch2/catch.hpp>

#include "epub_file.hpp"
#include "support.hpp"
#include "xml_text.hpp"

using namespace recto::test;

namespace {

std::string element_xml(pugi::xml_node e) {
  std::ostringstream out;
  e.print(out, "", pugi::format_raw);
  return out.str();
}

const std::string multi = "tests/corpus/books/multi";

}  // namespace

TEST_CASE("the essay's first note: its reference in the text and the note with its backlink", "[epub]") {
  const EpubFile& epub = built_book("source").epub;
  pugi::xml_document text = epub.xml("EPUB/wechat-is-watching.xhtml");
  pugi::xml_node ref = text.select_node("//a[@id='noteref-1']").node();
  CHECK(element_xml(ref) ==
        "<a class=\"noteref\" href=\"endnotes.xhtml#note-1\" id=\"noteref-1\" epub:type=\"noteref\" "
        "role=\"doc-noteref\">1</a>");
  CHECK(text_of(ref.parent()).find("ploughed $50 billion into the Chinese economy in 2017.1 It is the ultimate") !=
        std::string::npos);
  pugi::xml_document notes = built_book("source").epub.xml("EPUB/endnotes.xhtml");
  CHECK(element_xml(notes.select_node("//aside[@id='note-1']").node()) ==
        "<aside id=\"note-1\" class=\"endnote\" epub:type=\"endnote footnote\" role=\"doc-footnote\"><p>"
        "<a class=\"backlink\" href=\"wechat-is-watching.xhtml#noteref-1\" role=\"doc-backlink\">1.</a> "
        "<a href=\"references.xhtml#ref-iqbal2019\">Iqbal, M. WeChat Revenue and Usage Statistics (2019). "
        "businessofapps.com (2019)</a>.</p></aside>");
}

TEST_CASE("the essay's title page, pull quotes, references and colophon", "[epub]") {
  const EpubFile& epub = built_book("source").epub;
  pugi::xml_document title = epub.xml("EPUB/titlepage.xhtml");
  CHECK(text_of(title.select_node("//h1").node()) == "WeChat Is Watching");
  pugi::xml_node sub = title.select_node("//p[@epub:type='subtitle']").node();
  CHECK(std::string(sub.attribute("role").value()) == "doc-subtitle");
  CHECK(text_of(sub) == "Living in China with the app that knows everything about me");
  CHECK(text_of(title.select_node("//p[@class='author']").node()) == "Barclay Bram");
  CHECK(text_of(title.select_node("//p[@class='source']").node()) == "Nautilus, 2019");

  pugi::xml_document text = epub.xml("EPUB/wechat-is-watching.xhtml");
  pugi::xpath_node_set pulls = text.select_nodes("//aside[@class='pullquote']");
  CHECK(pulls.size() == 3);
  for (pugi::xpath_node p : pulls) {
    CHECK(std::string(p.node().attribute("role").value()) == "doc-pullquote");
    CHECK(std::string(p.node().attribute("aria-hidden").value()) == "true");
  }
  CHECK(text.select_nodes("//a[@epub:type='noteref']").size() == 14);

  pugi::xml_document refs = epub.xml("EPUB/references.xhtml");
  CHECK(std::string(refs.select_node("//section").node().attribute("role").value()) == "doc-bibliography");
  CHECK(refs.select_nodes("//ol/li/div[@class='csl-entry']").size() == 14);

  pugi::xml_document colophon = epub.xml("EPUB/colophon.xhtml");
  std::string words = text_of(colophon.select_node("//section").node());
  CHECK(words.find("First published in Nautilus, 2019.") != std::string::npos);
  CHECK(words.find("This edition was made on 2019-01-01 with recto ") != std::string::npos);
}

TEST_CASE("figures, images, tables and code in the multi-chapter book", "[epub]") {
  const EpubFile& epub = built_book(multi).epub;
  Package p = package_of(epub);
  CHECK(p.manifest.at("images/harbour.png") == "image/png");
  CHECK(p.manifest.at("images/lantern.jpg") == "image/jpeg");
  CHECK(epub.entries.at("EPUB/images/harbour.png") == read_text(multi + "/images/harbour.png"));

  pugi::xml_document opening = epub.xml("EPUB/01-opening.xhtml");
  pugi::xml_node figure = opening.select_node("//figure").node();
  REQUIRE(figure);
  CHECK(std::string(figure.child("img").attribute("src").value()) == "images/harbour.png");
  CHECK(std::string(figure.child("img").attribute("alt").value()) == text_of(figure.child("figcaption")));
  CHECK(!text_of(figure.child("figcaption")).empty());
  CHECK(opening.select_node("//p/img"));  // the inline image stays in its paragraph

  pugi::xml_document structures = epub.xml("EPUB/02-structures.xhtml");
  pugi::xml_node table = structures.select_node("//table").node();
  REQUIRE(table);
  CHECK(table.select_nodes("thead/tr/th").size() == 4);
  CHECK(std::string(table.select_node("thead/tr/th[2]").node().attribute("class").value()) == "align-center");
  CHECK(std::string(table.select_node("tbody/tr/td[4]").node().attribute("class").value()) == "align-right");
  pugi::xml_node code = structures.select_node("//pre/code[@class='language-cpp']").node();
  REQUIRE(code);
  CHECK(text_of(code).find("#include <iostream>") == 0);
  CHECK(structures.select_node("//figure/img[@src='images/lantern.jpg']"));
  CHECK(structures.select_node("//aside[@role='doc-pullquote']"));
}

TEST_CASE("languages are tagged with lang and xml:lang, right-to-left ones with dir", "[epub]") {
  pugi::xml_document doc = built_book(multi).epub.xml("EPUB/03-languages.xhtml");
  pugi::xml_node zh = doc.select_node("//span[@lang='zh']").node();
  CHECK(text_of(zh) == "隐私");
  CHECK(std::string(zh.attribute("xml:lang").value()) == "zh");
  CHECK(std::string(doc.select_node("//span[@lang='ar']").node().attribute("dir").value()) == "rtl");
  CHECK(std::string(doc.select_node("//span[@lang='he']").node().attribute("dir").value()) == "rtl");
  CHECK(doc.select_node("//div[@lang='fr'][@xml:lang='fr']"));
}

TEST_CASE("a chapter over 260 KB is cut into files at headings, and between paragraphs where it has none",
          "[epub]") {
  const EpubFile& epub = built_book(multi).epub;
  Package p = package_of(epub);
  std::vector<std::string> long_parts;
  for (const auto& f : p.spine) {
    if (f.rfind("04-long", 0) == 0) long_parts.push_back(f);
  }
  REQUIRE(long_parts.size() >= 3);
  std::size_t paragraphs = 0;
  for (const auto& f : long_parts) {
    INFO(f);
    CHECK(epub.entries.at("EPUB/" + f).size() < 260 * 1024);
    pugi::xml_document doc = epub.xml("EPUB/" + f);
    paragraphs += doc.select_nodes("//section/p").size();
    pugi::xml_node first = doc.select_node("//section").node().first_child();
    bool starts_at_heading = std::string(first.name()) == "h1" || std::string(first.name()) == "h2";
    if (f == "04-long.xhtml") CHECK(starts_at_heading);
  }
  // One of the later parts starts with a paragraph: the stretch without headings was cut between them.
  bool some_part_starts_with_paragraph = false;
  for (std::size_t i = 1; i < long_parts.size(); ++i) {
    pugi::xml_document doc = epub.xml("EPUB/" + long_parts[i]);
    some_part_starts_with_paragraph |= std::string(doc.select_node("//section").node().first_child().name()) == "p";
  }
  CHECK(some_part_starts_with_paragraph);
  CHECK(paragraphs > 100);
}

TEST_CASE("text XML cannot hold is left out of what the XHTML says, and adjacent texts join", "[epub]") {
  // U+FF02 starts with the byte U+FFFE and U+FFFF start with, and stays.
  CHECK(recto::epub::xml_safe("plain, \u201Cquoted\u201D \uFF02") == "plain, \u201Cquoted\u201D \uFF02");
  CHECK(recto::epub::xml_safe("a\x01 b\t\xEF\xBF\xBE c\xEF\xBF\xBF\r\n") == "a b\t c\r\n");
  pugi::xml_document doc;
  pugi::xml_node p = doc.append_child("p");
  recto::epub::add_text(p, "one ");
  recto::epub::add_text(p, "two\x02");
  CHECK(std::string(p.first_child().value()) == "one two");
  CHECK(!p.first_child().next_sibling());
}
