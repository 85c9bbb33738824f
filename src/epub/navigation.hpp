// Navigation: the table of contents, landmarks and page-list (nav.xhtml) and the EPUB 2 NCX.
#pragma once

#include <string>
#include <vector>

#include "edition.hpp"
#include "page_marks.hpp"

namespace recto::epub {

struct TocEntry {
  int level;  // 1 = top
  std::string title, href;
};

struct Landmark {
  std::string type, title, href;  // type: an epub:type (titlepage, bodymatter, endnotes, …)
};

// The toc, the landmarks, and the page-list of the print edition when it has one.
std::string nav_xhtml(const std::vector<TocEntry>& toc, const std::vector<Landmark>& landmarks,
                      const std::vector<PageListEntry>& pages, const Edition& edition);

std::string toc_ncx(const std::vector<TocEntry>& toc, const std::string& title, const Edition& edition);

}  // namespace recto::epub
