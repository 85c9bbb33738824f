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

// The depth (1 = top) of each entry as the nav and the NCX nest them: under the nearest entry before
// it of a lower level.
std::vector<int> toc_depths(const std::vector<TocEntry>& toc);

// The entries at most `depth` levels deep (the deeper ones left out; the others keep their depth).
std::vector<TocEntry> toc_within_depth(const std::vector<TocEntry>& toc, int depth);

// The toc, the landmarks (not in a variant without epub:type, which is all they are known by), and the page-list of the print edition when it has one.
std::string nav_xhtml(const std::vector<TocEntry>& toc, const std::vector<Landmark>& landmarks,
                      const std::vector<PageListEntry>& pages, const Edition& edition);

std::string toc_ncx(const std::vector<TocEntry>& toc, const std::string& title, const Edition& edition);

}  // namespace recto::epub
