// The XHTML files of the book: cover, title page, text parts, endnotes, colophon.
#pragma once

#include <string>
#include <vector>

#include "content_plan.hpp"
#include "edition.hpp"
#include "page_marks.hpp"
#include "xhtml_writer.hpp"

namespace recto::epub {

// The cover image alone on its page, with the title and authors as its description.
std::string cover_page_xhtml(const std::string& image_href, const Meta& meta, const Edition& edition);

// The title page, with the mark of the printed title page when the EPUB follows a print edition.
std::string title_page_xhtml(const Meta& meta, const Edition& edition, PageMarks* marks);

// The title of a text part: its first heading, else the division's, else the book's title when it
// has one division of text, else the division's name.
std::string part_title(const TextPart& part, const Document& doc);

// True for the References division that resolve/ adds.
bool is_references(const Division& d);

std::string text_part_xhtml(const TextPart& part, const std::string& title, XhtmlWriter& writer,
                            const Edition& edition);

// One section of every note, each an aside whose first paragraph starts with its number, linked back.
std::string endnotes_xhtml(const std::vector<NoteRef>& notes, XhtmlWriter& writer, const Edition& edition);

std::string colophon_xhtml(const Meta& meta, const Edition& edition, const std::string& generator);

}  // namespace recto::epub
