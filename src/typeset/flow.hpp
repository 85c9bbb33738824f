// The vertical list between blocks and pages: slices (a line, a figure, a rule) that pages are made of.
#pragma once

#include <string>
#include <vector>

#include "paged_doc.hpp"

namespace recto::typeset {

// One unbreakable piece of the page's flow. Coordinates inside it: x from the text block's left edge,
// y from the slice's baseline (up is positive).
struct Slice {
  double height = 0;        // the vertical space it takes
  double baseline = 0;      // from its top down to its baseline
  double space_before = 0;  // dropped at the top of a page
  bool keep_with_next = false;
  bool new_page = false;    // starts a page (chapters, notes, references)
  bool folio = true;        // the page it starts gets a folio (not the title page)
  // For a line of a paragraph: which paragraph (0: none), its place in it and how many lines it has,
  // and whether it ends in a hyphen — what the page builder needs to avoid widows and orphans.
  std::uint32_t paragraph = 0;
  int line = 0, lines = 0;
  bool hyphenated = false;
  std::vector<GlyphRun> runs;
  std::vector<Rule> rules;
  std::vector<PlacedImage> images;
  std::vector<LinkArea> links;
  std::vector<std::string> link_targets;  // per link: "#id" of an internal link, "" for a URI
  std::vector<std::string> ids;           // places in the book that start on this slice
  std::vector<OutlineEntry> outline;      // bookmarks to this slice (page and y set when placed)
};

using Flow = std::vector<Slice>;

}  // namespace recto::typeset
