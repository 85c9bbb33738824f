// Navigation: the table of contents and landmarks (nav.xhtml) and the EPUB 2 NCX, from one outline.
#pragma once

#include <string>
#include <vector>

#include "edition.hpp"

namespace recto::epub {

struct TocEntry {
  int level;  // 1 = top
  std::string title, href;
};

struct Landmark {
  std::string type, title, href;  // type: an epub:type (titlepage, bodymatter, endnotes, …)
};

std::string nav_xhtml(const std::vector<TocEntry>& toc, const std::vector<Landmark>& landmarks,
                      const Edition& edition);

std::string toc_ncx(const std::vector<TocEntry>& toc, const std::string& title, const Edition& edition);

}  // namespace recto::epub
