// One edition: the EPUB marks where each page of the print edition (the book's theme) begins, before
// the same word that begins the printed page, and lists the pages in its page-list.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <regex>

#include "epub_file.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;

namespace {

std::string roman(int n) {
  static const std::pair<int, const char*> numerals[] = {{10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
  std::string out;
  for (const auto& [value, text] : numerals) {
    while (n >= value) out += text, n -= value;
  }
  return out;
}

std::string first_word(const std::string& text) {
  std::istringstream in(text);
  std::string word;
  in >> word;
  return word;
}

// The words of an XHTML file after each page marker: label → the first word that follows it.
std::map<std::string, std::string> words_after_marks(const std::string& xhtml) {
  std::map<std::string, std::string> out;
  static const std::regex mark(
      R"re(<span id="page-([^"]+)" epub:type="pagebreak" role="doc-pagebreak" aria-label="([^"]+)"\s*(/>|></span>))re");
  for (std::sregex_iterator it(xhtml.begin(), xhtml.end(), mark), end; it != end; ++it) {
    CHECK((*it)[1] == (*it)[2]);  // the id and the label name the same page
    std::string rest = xhtml.substr(static_cast<std::size_t>(it->position() + it->length()), 400);
    rest = std::regex_replace(rest, std::regex("<[^>]*>"), " ");
    out[(*it)[2]] = first_word(rest);
  }
  return out;
}

}  // namespace

TEST_CASE("every printed page is marked in the EPUB before the word that begins it", "[epub][pages]") {
  static std::mt19937 rng{std::random_device{}()};
  for (const char* book : {"source", "tests/corpus/books/multi"}) {
    DYNAMIC_SECTION(book) {
      fs::path dir = fs::temp_directory_path() / ("recto-edition-" + std::to_string(rng()));
      RunResult r = run_recto("build -q -o '" + dir.string() + "' '" + book + "'");
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
      fs::path epub_path, pdf_path;
      for (const auto& e : fs::directory_iterator(dir)) (e.path().extension() == ".epub" ? epub_path : pdf_path) = e.path();
      EpubFile epub = open_epub(epub_path);
      std::map<std::string, std::string> marked;  // label → word after the mark
      for (const auto& [name, bytes] : epub.entries) {
        if (name.size() > 6 && name.compare(name.size() - 6, 6, ".xhtml") == 0) {
          for (const auto& [label, word] : words_after_marks(bytes)) CHECK(marked.emplace(label, word).second);
        }
      }
      // The page-list lists every mark, in page order.
      pugi::xml_document nav = epub.xml("EPUB/nav.xhtml");
      std::vector<std::string> listed;
      for (pugi::xpath_node a : nav.select_nodes("//nav[@epub:type='page-list']//a")) listed.push_back(a.node().text().get());
      CHECK(listed.size() == marked.size());
      // Every PDF page: its label, and the first word of its text (without running head and folio).
      RunResult labels = run_command("qpdf --json --json-key=pagelabels '" + pdf_path.string() + "'");
      REQUIRE(labels.exit_code == 0);
      int front = nlohmann::json::parse(labels.out)["pagelabels"][1]["index"].get<int>();
      RunResult info = run_command("pdfinfo '" + pdf_path.string() + "'");
      std::smatch pages_match;
      REQUIRE(std::regex_search(info.out, pages_match, std::regex(R"(Pages:\s+(\d+))")));
      int pages = std::stoi(pages_match[1]);
      std::vector<std::string> in_order;
      std::size_t checked = 0;
      for (int p = 1; p <= pages; ++p) {
        std::string label = p <= front ? roman(p) : std::to_string(p - front);
        RunResult text = run_command("pdftotext -f " + std::to_string(p) + " -l " + std::to_string(p) +
                                     " -y 40 -H 10000 -W 10000 '" + pdf_path.string() + "' -");
        std::string lines = text.out;  // cropped below the running head
        std::string word = first_word(lines);
        if (word == "Contents") continue;  // the printed contents have no counterpart in the EPUB's text
        std::istringstream in(lines);
        std::string first_line;
        std::getline(in, first_line);
        INFO("page " << label << ": " << first_line);
        REQUIRE(marked.count(label));
        in_order.push_back(label);
        std::string printed = word, epub_word = marked[label];
        const std::string soft_hyphen = "\u00AD";
        if (printed.size() > soft_hyphen.size() && printed.compare(printed.size() - 2, 2, soft_hyphen) == 0) {
          printed.erase(printed.size() - 2);
        }
        // The same word; a page that begins with the end of a hyphenated word is marked before the word.
        bool same = epub_word == printed || (epub_word.size() > printed.size() &&
                                             epub_word.compare(epub_word.size() - printed.size(), printed.size(), printed) == 0) ||
                    epub_word.rfind(printed, 0) == 0 || printed.rfind(epub_word, 0) == 0;
        INFO("printed '" << printed << "', marked before '" << epub_word << "'");
        CHECK(same);
        ++checked;
      }
      CHECK(checked >= 10);
      CHECK(listed == in_order);
      fs::remove_all(dir);
    }
  }
}
