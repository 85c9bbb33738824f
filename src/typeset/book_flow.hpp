// The parts of the book's flow other than chapters: the title page, the contents, the notes.
#pragma once

#include <optional>

#include "block_layout.hpp"

namespace recto::typeset {

void title_page(const Meta& meta, const style::StyleSheet& sheet, BlockLayout& layout, Flow& flow);

// A page that is the cover image, scaled to cover the whole page (what overhangs is cut by the page's
// edge); nothing when the image is not PNG or JPEG.
std::optional<Slice> cover_page(const std::string& image, const style::StyleSheet& sheet);

// A line of the printed table of contents: a chapter's title, its page label and its id.
struct ContentsLine {
  std::string title, page, id;
};

// The "Contents" pages: one line per chapter, the title left and the page number right, each a link.
Flow contents_pages(const std::vector<ContentsLine>& lines, const std::string& lang, const style::StyleSheet& sheet,
                    ItemBuilder& items);

// The notes of the text divisions, in note order, as a "Notes" section.
void endnotes(const Document& doc, const style::StyleSheet& sheet, BlockLayout& layout);

// The same notes each as its own flow, for the foot of the page that refers to it.
void footnotes(const Document& doc, const style::StyleSheet& sheet, BlockLayout& layout, BookFlow& book);

// The bytes of text of the notes: what setting them costs, roughly.
std::size_t notes_size(const Document& doc);

}  // namespace recto::typeset
