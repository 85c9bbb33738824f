// Opening EPUBs in tests with libzip and pugixml.
#include "epub_file.hpp"

#include <zip.h>

#include <catch2/catch.hpp>
#include <random>

#include "support.hpp"

namespace fs = std::filesystem;

namespace recto::test {

pugi::xml_document EpubFile::xml(const std::string& name) const {
  pugi::xml_document doc;
  auto it = entries.find(name);
  INFO("entry " << name);
  REQUIRE(it != entries.end());
  pugi::xml_parse_result ok =
      doc.load_buffer(it->second.data(), it->second.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  INFO(ok.description() << " at byte " << ok.offset);
  REQUIRE(ok);
  return doc;
}

std::string text_of(pugi::xml_node e) {
  std::string out;
  for (pugi::xml_node n = e.first_child(); n; n = n.next_sibling()) {
    out += n.type() == pugi::node_pcdata ? std::string(n.value()) : text_of(n);
  }
  return out;
}

void collect(pugi::xml_node node, const std::function<void(pugi::xml_node)>& f) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    f(child);
    collect(child, f);
  }
}

EpubFile open_epub(const fs::path& path) {
  EpubFile epub;
  epub.bytes = read_text(path);
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &error);
  INFO("zip_open " << path.string() << " error " << error);
  REQUIRE(z);
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    REQUIRE(zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) == 0);
    std::string data(st.size, '\0');
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(f);
    REQUIRE(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(f);
    epub.order.push_back(st.name);
    epub.entries[st.name] = std::move(data);
    epub.stored[st.name] = st.comp_method == ZIP_CM_STORE;
  }
  zip_close(z);
  return epub;
}

const BuiltBook& built_book(const std::string& source, const std::string& format) {
  static struct Books : std::map<std::string, BuiltBook> {
    ~Books() {
      for (const auto& [key, book] : *this) fs::remove_all(book.path.parent_path());
    }
  } books;
  const std::string key = source + "|" + format;
  if (auto it = books.find(key); it != books.end()) return it->second;
  static std::mt19937 rng{std::random_device{}()};
  fs::path out = fs::temp_directory_path() / ("recto-book-" + std::to_string(rng()));
  RunResult r = run_recto("build --quiet --format " + format + " -o '" + out.string() + "' '" + source + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  fs::path epub;
  for (const auto& e : fs::directory_iterator(out)) {
    if (e.path().extension() == ".epub") epub = e.path();
  }
  REQUIRE(!epub.empty());
  BuiltBook& book = books[key];
  book.path = epub;
  book.epub = open_epub(epub);
  return book;
}

Package package_of(const EpubFile& epub) {
  Package p;
  pugi::xml_document opf = epub.xml("EPUB/content.opf");
  std::map<std::string, std::string> href_of_id;
  for (pugi::xpath_node n : opf.select_nodes("/package/manifest/item")) {
    pugi::xml_node item = n.node();
    href_of_id[item.attribute("id").value()] = item.attribute("href").value();
    p.manifest[item.attribute("href").value()] = item.attribute("media-type").value();
  }
  for (pugi::xpath_node n : opf.select_nodes("/package/spine/itemref")) {
    p.spine.push_back(href_of_id[n.node().attribute("idref").value()]);
  }
  return p;
}

}  // namespace recto::test
