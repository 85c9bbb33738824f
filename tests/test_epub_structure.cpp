// The built EPUBs opened and parsed: container, package metadata, manifest, spine, XHTML, links, notes,
// navigation and file sizes — for the essay, the multi-chapter test book and the reader corpus book.
#include <catch2/catch.hpp>

#include <set>

#include "epub_file.hpp"
#include "support.hpp"

using namespace recto::test;

namespace {

const char* const books[] = {"source", "tests/corpus/books/multi", "tests/corpus/reader"};

bool is_external(const std::string& url) {
  return url.rfind("http:", 0) == 0 || url.rfind("https:", 0) == 0 || url.rfind("mailto:", 0) == 0;
}

std::vector<std::string> xhtml_files(const Package& p) {
  std::vector<std::string> out;
  for (const auto& [href, type] : p.manifest) {
    if (type == "application/xhtml+xml") out.push_back(href);
  }
  return out;
}

std::set<std::string> ids_in(const pugi::xml_document& doc) {
  std::set<std::string> ids;
  collect(doc, [&](pugi::xml_node e) {
    if (auto id = e.attribute("id")) ids.insert(id.value());
  });
  return ids;
}

}  // namespace

TEST_CASE("the essay's EPUB container: mimetype first and stored, container names the package", "[epub]") {
  const EpubFile& epub = built_book("source").epub;
  REQUIRE(epub.order.size() > 3);
  CHECK(epub.order[0] == "mimetype");
  CHECK(epub.stored.at("mimetype"));
  CHECK(epub.entries.at("mimetype") == "application/epub+zip");
  CHECK(epub.bytes.substr(30, 28) == "mimetypeapplication/epub+zip");  // no extra field before the text
  pugi::xml_document container = epub.xml("META-INF/container.xml");
  CHECK(std::string(container.select_node("//rootfile").node().attribute("full-path").value()) == "EPUB/content.opf");
}

TEST_CASE("the essay's package metadata", "[epub]") {
  const EpubFile& epub = built_book("source").epub;
  pugi::xml_document opf = epub.xml("EPUB/content.opf");
  pugi::xml_node package = opf.child("package");
  CHECK(std::string(package.attribute("xml:lang").value()) == "en");
  CHECK(std::string(package.attribute("version").value()) == "3.0");
  pugi::xml_node md = package.child("metadata");
  auto text = [&](const char* xpath) { return std::string(md.select_node(xpath).node().text().get()); };
  // UUID v5 of "WeChat Is Watching\nBarclay Bram" in recto's namespace, computed independently:
  // python3 -c "import uuid; ns=uuid.uuid5(uuid.NAMESPACE_URL,'https://recto.invalid/book');
  //             print(uuid.uuid5(ns,'WeChat Is Watching\nBarclay Bram'))"
  CHECK(text("dc:identifier[@id='pub-id']") == "urn:uuid:beb19381-11aa-528a-8a4d-2e6250e1a009");
  CHECK(text("dc:title[@id='title']") == "WeChat Is Watching");
  CHECK(text("meta[@refines='#title'][@property='title-type']") == "main");
  CHECK(text("dc:title[@id='subtitle']") == "Living in China with the app that knows everything about me");
  CHECK(text("meta[@refines='#subtitle'][@property='title-type']") == "subtitle");
  CHECK(text("dc:creator") == "Barclay Bram");
  std::string creator = std::string("#") + md.child("dc:creator").attribute("id").value();
  CHECK(text(("meta[@refines='" + creator + "'][@property='role']").c_str()) == "aut");
  CHECK(text(("meta[@refines='" + creator + "'][@property='file-as']").c_str()) == "Bram, Barclay");
  CHECK(text("dc:language") == "en");
  CHECK(text("dc:date") == "2019");
  CHECK(text("dc:publisher") == "recto");
  CHECK(text("dc:source") == "Nautilus, 2019");
  CHECK(text("dc:rights").find("© 2019 Barclay Bram") == 0);
  CHECK(text("meta[@property='dcterms:modified']") == "2019-01-01T00:00:00Z");
  CHECK(text("meta[@property='schema:accessMode']") == "textual");
  CHECK(text("meta[@property='schema:accessModeSufficient']") == "textual");
  CHECK(md.select_nodes("meta[@property='schema:accessibilityFeature']").size() >= 4);
  CHECK(text("meta[@property='schema:accessibilityHazard']") == "none");
  CHECK(text("meta[@property='schema:accessibilitySummary']").find("read as text") != std::string::npos);
  CHECK(text("meta[@property='dcterms:conformsTo']") == "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
  CHECK(text("meta[@property='a11y:certifiedBy']") == "recto");
}

TEST_CASE("a book's metadata names its images and its certifier", "[epub]") {
  pugi::xml_document opf = built_book("tests/corpus/books/multi").epub.xml("EPUB/content.opf");
  pugi::xml_node md = opf.child("package").child("metadata");
  CHECK(md.select_nodes("meta[@property='schema:accessMode']").size() == 2);  // textual, visual
  CHECK(md.select_node("meta[@property='schema:accessibilityFeature'][.='alternativeText']"));
  CHECK(std::string(md.select_node("meta[@property='a11y:certifiedBy']").node().text().get()) == "recto test suite");
  CHECK(md.select_nodes("dc:creator").size() == 2);
  CHECK(std::string(md.select_node("meta[@property='dcterms:modified']").node().text().get()) ==
        "2024-03-15T00:00:00Z");
}

TEST_CASE("manifest, zip entries and referenced files are the same set, and the spine is in reading order", "[epub]") {
  for (const char* source : books) {
    DYNAMIC_SECTION(source) {
      const EpubFile& epub = built_book(source).epub;
      Package p = package_of(epub);
      std::set<std::string> in_zip, in_manifest, referenced = {"nav.xhtml", "toc.ncx"};
      for (const auto& name : epub.order) {
        if (name.rfind("EPUB/", 0) == 0 && name != "EPUB/content.opf") in_zip.insert(name.substr(5));
      }
      for (const auto& [href, type] : p.manifest) in_manifest.insert(href);
      for (const auto& href : p.spine) referenced.insert(href);
      for (const auto& file : xhtml_files(p)) {
        collect(epub.xml("EPUB/" + file), [&](pugi::xml_node e) {
          for (const char* attr : {"href", "src"}) {
            std::string url = e.attribute(attr).value();
            if (url.empty() || is_external(url) || url[0] == '#') continue;
            referenced.insert(url.substr(0, url.find('#')));
          }
        });
      }
      CHECK(in_zip == in_manifest);
      CHECK(referenced == in_manifest);
      for (const auto& name : in_zip) {
        bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return c > 0x20 && c < 0x7f; });
        CHECK(ascii);
      }
      REQUIRE(p.spine.size() >= 4);
      CHECK(p.spine[0] == "cover.xhtml");  // recto's generated cover, or the manuscript's cover-image
      CHECK(p.spine[1] == "titlepage.xhtml");
      CHECK(p.spine.back() == "colophon.xhtml");
      auto pos = [&](const std::string& f) { return std::find(p.spine.begin(), p.spine.end(), f) - p.spine.begin(); };
      CHECK(pos("endnotes.xhtml") < pos("references.xhtml"));
      CHECK(pos("references.xhtml") < pos("colophon.xhtml"));
    }
  }
}

TEST_CASE("the essay's spine is cover, title page, text, notes, references, colophon", "[epub]") {
  Package p = package_of(built_book("source").epub);
  CHECK(p.spine == std::vector<std::string>{"cover.xhtml", "titlepage.xhtml", "wechat-is-watching.xhtml",
                                            "endnotes.xhtml", "references.xhtml", "colophon.xhtml"});
}

TEST_CASE("every XHTML file is well-formed, declares UTF-8, has both language attributes and stays under 260 KB",
          "[epub]") {
  for (const char* source : books) {
    DYNAMIC_SECTION(source) {
      const EpubFile& epub = built_book(source).epub;
      for (const auto& file : xhtml_files(package_of(epub))) {
        INFO(file);
        const std::string& bytes = epub.entries.at("EPUB/" + file);
        CHECK(bytes.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
        CHECK(bytes.size() < 260 * 1024);
        pugi::xml_document doc = epub.xml("EPUB/" + file);
        pugi::xml_node html = doc.child("html");
        CHECK(std::string(html.attribute("lang").value()).size() >= 2);
        CHECK(std::string(html.attribute("lang").value()) == html.attribute("xml:lang").value());
        CHECK(html.child("head").child("title").text().get() != std::string());
        collect(doc, [&](pugi::xml_node e) {
          if (e.attribute("lang")) CHECK(std::string(e.attribute("lang").value()) == e.attribute("xml:lang").value());
        });
      }
    }
  }
}

TEST_CASE("every internal link resolves to a file and an id in it", "[epub]") {
  for (const char* source : books) {
    DYNAMIC_SECTION(source) {
      const EpubFile& epub = built_book(source).epub;
      Package p = package_of(epub);
      std::map<std::string, std::set<std::string>> ids;
      for (const auto& file : xhtml_files(p)) ids[file] = ids_in(epub.xml("EPUB/" + file));
      for (const auto& file : xhtml_files(p)) {
        collect(epub.xml("EPUB/" + file), [&](pugi::xml_node e) {
          std::string url = e.attribute("href").value();
          if (std::string(e.name()) != "a" || url.empty() || is_external(url)) return;
          std::string target = url.substr(0, url.find('#'));
          if (target.empty()) target = file;
          INFO(file << ": " << url);
          REQUIRE(ids.count(target));
          if (url.find('#') != std::string::npos) CHECK(ids[target].count(url.substr(url.find('#') + 1)));
        });
      }
    }
  }
}

TEST_CASE("every note reference and its note link to each other, in the markup that pops notes up", "[epub]") {
  for (const char* source : books) {
    DYNAMIC_SECTION(source) {
      const EpubFile& epub = built_book(source).epub;
      Package p = package_of(epub);
      pugi::xml_document endnotes = epub.xml("EPUB/endnotes.xhtml");
      pugi::xml_node section = endnotes.select_node("//section[@epub:type='endnotes']").node();
      REQUIRE(section);
      CHECK(std::string(section.attribute("role").value()) == "doc-endnotes");
      std::map<std::string, std::string> backlink_of_note;  // note id → its backlink href
      for (pugi::xml_node aside : section.children("aside")) {
        CHECK(std::string(aside.attribute("epub:type").value()) == "endnote footnote");
        CHECK(std::string(aside.attribute("role").value()) == "doc-footnote");
        pugi::xml_node back = aside.first_child().first_child();  // the first paragraph's first node
        CHECK(std::string(back.attribute("role").value()) == "doc-backlink");
        backlink_of_note[aside.attribute("id").value()] = back.attribute("href").value();
      }
      std::size_t refs = 0;
      for (const auto& file : xhtml_files(p)) {
        collect(epub.xml("EPUB/" + file), [&](pugi::xml_node a) {
          if (std::string(a.attribute("epub:type").value()) != "noteref") return;
          ++refs;
          CHECK(std::string(a.attribute("role").value()) == "doc-noteref");
          CHECK(a.first_child().type() == pugi::node_pcdata);  // only text inside
          CHECK(!a.first_child().next_sibling());
          std::string href = a.attribute("href").value();
          REQUIRE(href.rfind("endnotes.xhtml#", 0) == 0);
          std::string note = href.substr(15);
          REQUIRE(backlink_of_note.count(note));
          CHECK(backlink_of_note[note] == file + "#" + a.attribute("id").value());
          CHECK(backlink_of_note[note] == file + "#noteref-" + note.substr(5));
          CHECK(text_of(a) == note.substr(5));
        });
      }
      CHECK(refs == backlink_of_note.size());
      CHECK(refs > 0);
    }
  }
}

TEST_CASE("the nav's table of contents lists the headings in reading order, with landmarks and an NCX", "[epub]") {
  for (const char* source : books) {
    DYNAMIC_SECTION(source) {
      const EpubFile& epub = built_book(source).epub;
      Package p = package_of(epub);
      // Headings of levels 1-3 with ids, in spine order, as "file#id title".
      std::vector<std::string> headings;
      for (const auto& file : p.spine) {
        collect(epub.xml("EPUB/" + file), [&](pugi::xml_node e) {
          std::string n = e.name();
          bool heading = n == "h1" || n == "h2" || n == "h3";
          if (heading && e.attribute("id") && std::string(e.attribute("id").value()) != "endnotes") {
            headings.push_back(file + "#" + e.attribute("id").value() + " " + text_of(e));
          }
        });
      }
      pugi::xml_document nav = epub.xml("EPUB/nav.xhtml");
      std::vector<std::string> toc_headings, toc_files;
      for (pugi::xpath_node a : nav.select_nodes("//nav[@epub:type='toc']//a")) {
        std::string href = a.node().attribute("href").value();
        toc_files.push_back(href.substr(0, href.find('#')));
        if (href.find('#') != std::string::npos) toc_headings.push_back(href + " " + text_of(a.node()));
      }
      CHECK(toc_headings == headings);
      // toc entries follow the spine
      for (const auto& f : toc_files) {
        CHECK(std::find(p.spine.begin(), p.spine.end(), f) != p.spine.end());
      }
      CHECK(std::is_sorted(toc_files.begin(), toc_files.end(), [&](const std::string& a, const std::string& b) {
        return std::find(p.spine.begin(), p.spine.end(), a) < std::find(p.spine.begin(), p.spine.end(), b);
      }));
      std::vector<std::string> landmarks;
      for (pugi::xpath_node a : nav.select_nodes("//nav[@epub:type='landmarks']//a")) {
        landmarks.push_back(a.node().attribute("epub:type").value());
      }
      CHECK(landmarks == std::vector<std::string>{"cover", "titlepage", "bodymatter", "endnotes", "bibliography"});
      pugi::xml_document ncx = epub.xml("EPUB/toc.ncx");
      CHECK(ncx.select_nodes("//navPoint").size() == nav.select_nodes("//nav[@epub:type='toc']//a").size());
    }
  }
}

TEST_CASE("the essay's table of contents has real titles", "[epub]") {
  pugi::xml_document nav = built_book("source").epub.xml("EPUB/nav.xhtml");
  std::vector<std::string> titles;
  for (pugi::xpath_node a : nav.select_nodes("//nav[@epub:type='toc']//a")) titles.push_back(text_of(a.node()));
  CHECK(titles == std::vector<std::string>{"Cover", "Title page", "WeChat Is Watching", "Notes", "References", "Colophon"});
}
