// The document tree as XHTML elements: blocks, inlines, links across files, note references, images.
#pragma once

#include <filesystem>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "content_plan.hpp"
#include "diagnostics.hpp"
#include "images.hpp"
#include "page_marks.hpp"
#include "tree.hpp"

namespace recto::epub {

// A note met in the text, with the file that references it (its backlink's target).
struct NoteRef {
  const Note* note;
  std::string file;
  std::filesystem::path chapter_dir;  // where the note's images are named from
};

class XhtmlWriter {
 public:
  // `images` null: a size estimate, which reads no image and reports nothing.
  XhtmlWriter(const ContentPlan& plan, ImageStore* images, Diagnostics& diags)
      : plan_(plan), images_(images), diags_(diags) {}

  // The file written next (for links) and the folder its images are named from.
  void start_file(std::string file, std::filesystem::path chapter_dir);
  // Marks where the print edition's pages begin, as the text is written.
  void set_page_marks(PageMarks* marks) { marks_ = marks; }

  void blocks(pugi::xml_node parent, const Blocks& blocks);
  void block(pugi::xml_node parent, const Block& b);
  void inlines(pugi::xml_node parent, const Inlines& xs);

  // Notes referenced so far, in reading order.
  const std::vector<NoteRef>& notes() const { return notes_; }
  // True once any image with a text alternative was written.
  bool wrote_images() const { return wrote_images_; }

 private:
  void block_content(pugi::xml_node parent, const Block& b);
  void text(pugi::xml_node parent, const std::string& text);
  void inline_node(pugi::xml_node parent, const Inline& x);
  std::size_t raw_inline(pugi::xml_node parent, const Inlines& xs, std::size_t i);
  void table(pugi::xml_node parent, const Table& t);
  void figure(pugi::xml_node parent, const Figure& f, SourceSpan at);
  std::string image_src(const std::string& url, SourceSpan at);

  const ContentPlan& plan_;
  ImageStore* images_;
  Diagnostics& diags_;
  std::string file_;
  std::filesystem::path chapter_dir_;
  std::vector<NoteRef> notes_;
  bool wrote_images_ = false;
  PageMarks* marks_ = nullptr;
};

// Sets id, class and the key-value attributes: lang as lang and xml:lang (with dir="rtl" for
// right-to-left languages), dir as is, any other key as data-KEY.
void set_attributes(pugi::xml_node e, const Attr& attr);

// A new XHTML document (html with the XHTML and EPUB namespaces, lang and xml:lang; head with
// charset, title and the stylesheet); returns its body.
pugi::xml_node start_xhtml(pugi::xml_document& doc, const std::string& title, const std::string& lang);

// A back-matter file: a document whose body holds one section with the semantics given (an epub:type
// and the DPUB-ARIA role Ace maps it to) and a heading with the title; returns the section.
pugi::xml_node start_back_matter(pugi::xml_document& doc, const std::string& title, const std::string& lang,
                                 const char* epub_type, const char* role);

}  // namespace recto::epub
