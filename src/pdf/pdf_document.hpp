// A PDF file made with libharu: pages, embedded fonts, images, links, outline, page labels and
// info.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "page_labels.hpp"
#include "paged_doc.hpp"
#include "pdf_font.hpp"

namespace recto::pdf {

// Every method throws std::runtime_error at the first libharu error.
class PdfDocument {
 public:
  PdfDocument();  // PDF 1.4, every stream compressed
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  // Embeds the font; returns its index and, in `written_widths`, its widths as /W writes them.
  std::size_t add_font(const PdfFont& font, std::vector<double>& written_widths);
  std::size_t add_page(double width, double height);

  void use_font(std::size_t page, std::size_t font, const std::string& resource_name);
  // PNG through libpng as raw pixels (alpha as a soft mask), JPEG as it is.
  void draw_image(std::size_t page, const typeset::PlacedImage& image);
  void append_content(std::size_t page, const std::string& operators);
  // The page's whole content, Flate-compressed already, on a page libharu drew nothing on.
  void set_content_deflated(std::size_t page, const std::string& deflated);
  // A borderless link annotation; internal targets show the target page at zoom 1.
  void add_link(std::size_t page, const typeset::LinkArea& link);

  void add_outline(const std::vector<typeset::OutlineEntry>& outline);
  void add_page_labels(const std::vector<PageLabelRange>& ranges);
  // Title, author, subject, keywords, creator, dates, /Lang, DisplayDocTitle and /ID.
  void set_info(const typeset::DocInfo& info);

  std::string save();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace recto::pdf
