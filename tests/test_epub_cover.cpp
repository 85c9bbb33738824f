// The cover: the manuscript's cover-image when it names one, else the generated one; in the EPUB declared
// both ways readers look for it, first in the spine and the landmarks; in a PDF whose theme asks for it.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>

#include "epub_file.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;

namespace {

// The manifest item that is the cover image, checked to be named both ways; its href.
std::string cover_image_href(const EpubFile& epub) {
  pugi::xml_document opf = epub.xml("EPUB/content.opf");
  pugi::xpath_node_set covers = opf.select_nodes("//item[@properties='cover-image']");
  REQUIRE(covers.size() == 1);
  pugi::xml_node item = covers.first().node();
  pugi::xml_node meta = opf.select_node("//metadata/meta[@name='cover']").node();
  REQUIRE(meta);
  CHECK(std::string(meta.attribute("content").value()) == item.attribute("id").value());
  return item.attribute("href").value();
}

void check_cover_page(const EpubFile& epub, const std::string& image_href) {
  Package p = package_of(epub);
  REQUIRE(!p.spine.empty());
  CHECK(p.spine.front() == "cover.xhtml");
  pugi::xml_document page = epub.xml("EPUB/cover.xhtml");
  pugi::xml_node img = page.select_node("//section[@epub:type='cover']/img").node();
  REQUIRE(img);
  CHECK(std::string(img.attribute("src").value()) == image_href);
  CHECK(std::string(img.attribute("alt").value()).rfind("Cover: ", 0) == 0);
  pugi::xml_document nav = epub.xml("EPUB/nav.xhtml");
  pugi::xml_node first_landmark = nav.select_node("//nav[@epub:type='landmarks']//a").node();
  CHECK(std::string(first_landmark.attribute("epub:type").value()) == "cover");
  CHECK(std::string(first_landmark.attribute("href").value()) == "cover.xhtml");
}

}  // namespace

TEST_CASE("a book without a cover-image gets a generated 1600 x 2560 cover", "[epub][cover]") {
  const EpubFile& epub = built_book("source").epub;
  std::string href = cover_image_href(epub);
  CHECK(href == "images/cover.png");
  const std::string& png = epub.entries.at("EPUB/" + href);
  REQUIRE(png.size() > 24);
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
           (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
  };
  CHECK(be32(16) == 1600);
  CHECK(be32(20) == 2560);
  check_cover_page(epub, href);
}

TEST_CASE("a manuscript's cover-image is the cover, and no cover is generated", "[epub][cover]") {
  static std::mt19937 rng{std::random_device{}()};
  fs::path dir = fs::temp_directory_path() / ("recto-cover-" + std::to_string(rng()));
  fs::create_directories(dir / "images");
  std::ofstream(dir / "book.yaml") << "title: Covered\nauthor: Ann Author\nlang: en\ncover-image: images/front.png\n";
  std::ofstream(dir / "a.md") << "Text.\n";
  fs::copy_file("tests/corpus/books/multi/images/harbour.png", dir / "images" / "front.png");
  RunResult r = run_recto("build -q --format epub -o '" + (dir / "out").string() + "' '" + dir.string() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  EpubFile epub = open_epub(dir / "out" / "covered.epub");
  std::string href = cover_image_href(epub);
  CHECK(href == "images/front.png");
  CHECK(epub.entries.count("EPUB/images/cover.png") == 0);
  check_cover_page(epub, href);
  RunResult check = run_command("java -jar /usr/share/java/epubcheck.jar '" + (dir / "out" / "covered.epub").string() + "'");
  INFO(check.out + check.err);
  CHECK(check.exit_code == 0);
  // A cover-image that is not there is an error, and no EPUB is written.
  std::ofstream(dir / "book.yaml") << "title: Covered\nlang: en\ncover-image: images/none.png\n";
  r = run_recto("build -q --format epub -o '" + (dir / "out2").string() + "' '" + dir.string() + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("book.yaml:3:14: error: image 'images/none.png' not found [missing-image]") != std::string::npos);
  CHECK(!fs::exists(dir / "out2" / "covered.epub"));
  fs::remove_all(dir);
}

TEST_CASE("a PDF opens with the cover only when its theme asks for it", "[pdf][cover]") {
  static std::mt19937 rng{std::random_device{}()};
  fs::path dir = fs::temp_directory_path() / ("recto-pdf-cover-" + std::to_string(rng()));
  fs::create_directories(dir);
  fs::copy("source", dir / "book", fs::copy_options::recursive);
  std::ofstream(dir / "book" / "covered.yaml") << "page:\n  width: 6in\n  height: 9in\nfonts:\n  body: EB Garamond 12\n"
                                                  "notes: footnotes\ncover: true\n";
  RunResult r = run_recto("build -q --format pdf --theme trade,covered.yaml -o '" + (dir / "out").string() + "' '" +
                          (dir / "book").string() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto images_on_page_1 = [&](const std::string& pdf) {
    return run_command("pdfimages -f 1 -l 1 -list '" + (dir / "out" / pdf).string() + "' | tail -n +3").out;
  };
  auto pages = [&](const std::string& pdf) {
    std::string info = run_command("pdfinfo '" + (dir / "out" / pdf).string() + "'").out;
    return std::stoi(info.substr(info.find("Pages:") + 6));
  };
  CHECK(images_on_page_1("wechat-is-watching.pdf").empty());
  std::string cover = images_on_page_1("wechat-is-watching-covered.pdf");
  CHECK(cover.find(" 1600  2560 ") != std::string::npos);
  CHECK(pages("wechat-is-watching-covered.pdf") == pages("wechat-is-watching.pdf") + 1);
  // The cover is front matter: the text still starts at page 1.
  RunResult text = run_command("pdftotext -f 3 -l 3 '" + (dir / "out" / "wechat-is-watching-covered.pdf").string() + "' -");
  CHECK(text.out.find("It’s 9 a.m.") != std::string::npos);

  // A book with chapters: the cover, the title page, then the printed contents.
  fs::copy("tests/corpus/books/multi", dir / "multi", fs::copy_options::recursive);
  fs::copy_file(dir / "book" / "covered.yaml", dir / "multi" / "covered.yaml");
  RunResult multi = run_recto("pages --theme covered.yaml '" + (dir / "multi").string() + "'");
  REQUIRE(multi.exit_code == 0);
  auto page_of = [&](const std::string& what) {
    std::size_t at = multi.out.find(what);
    REQUIRE(at != std::string::npos);
    std::size_t page = multi.out.rfind("\npage ", at);
    return multi.out.substr(page + 6, multi.out.find(' ', page + 6) - page - 6);
  };
  CHECK(page_of("  image 0.00") == "1");
  CHECK(page_of("\"Many Rooms: A Test Book\"") == "2");
  CHECK(page_of("\"Contents\"") == "3");
  fs::remove_all(dir);
}
