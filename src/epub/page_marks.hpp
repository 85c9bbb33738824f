// The print edition's pages in the EPUB: a marker where each page begins, and the page-list they make.
#pragma once

#include <cstdint>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "tree.hpp"

namespace recto::epub {

// Where a printed page begins: at a byte offset in a block's text, counted as the typesetter counts
// it (the bytes of its text and code, one for a soft line break, nothing for a note's number), or,
// with no block, on the title page.
struct PageStart {
  const Block* block = nullptr;
  std::uint32_t offset = 0;
  std::string label;  // the page number as printed
};

struct PageListEntry {
  std::string label, href;
};

class PageMarks {
 public:
  explicit PageMarks(const std::vector<PageStart>& starts);

  void set_file(const std::string& file) { file_ = file; }
  // A block's text begins (offsets count from 0), and ends: marks it did not reach go after it.
  void enter(const Block& b);
  void leave(pugi::xml_node parent);
  // Text of the current block, with a marker before the word at which a page begins.
  void text(pugi::xml_node parent, const std::string& text);
  // Text the typesetter counts but the XHTML holds elsewhere (an image's description).
  void skip(std::uint32_t bytes) { offset_ += bytes; }
  // Every mark of the current block, here (before a figure or a table, which are not cut).
  void all(pugi::xml_node parent);
  // The title page's mark, at the top of its section.
  void title_page(pugi::xml_node section);

  // The marks placed, in page order.
  std::vector<PageListEntry> page_list() const;

 private:
  void mark(pugi::xml_node parent, const PageStart& start);

  std::map<const Block*, std::vector<const PageStart*>> by_block_;  // in offset order
  std::vector<const PageStart*> title_page_;
  struct Open {
    const std::vector<const PageStart*>* starts;
    std::size_t next;
    std::uint32_t offset;
  };
  std::vector<Open> open_;  // the blocks entered, innermost last
  const std::vector<const PageStart*>* starts_ = nullptr;
  std::size_t next_ = 0;
  std::uint32_t offset_ = 0;
  std::string file_;
  std::vector<const PageStart*> pages_;               // in page order
  std::map<const PageStart*, std::string> href_of_;  // of the marks placed
};

// The bytes of inlines' text as the typesetter counts them.
std::uint32_t counted_length(const Inlines& xs);

}  // namespace recto::epub
