// The EPUB's cover: the manuscript's cover-image when it names one, else the generated one; declared
// both ways readers look for it, first in the spine and the landmarks.
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
