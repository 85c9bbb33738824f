// The vertical list between blocks and pages: slices (a line, a figure, a rule) that pages are made of,
// the other settings of paragraphs, and the footnotes that go with lines.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "inline_items.hpp"
#include "line_frame.hpp"
#include "linebreak_simple.hpp"
#include "paged_doc.hpp"

namespace recto::typeset {

// One unbreakable piece of the page's flow. Coordinates inside it: x from the text block's left edge,
// y from the slice's baseline (up is positive).
struct Slice {
  double height = 0;        // the vertical space it takes
  double baseline = 0;      // from its top down to its baseline
  double space_before = 0;  // dropped at the top of a page
  int keep_next = 0;        // how many of the slices after it must be on its page (headings, pull quotes)
  bool new_page = false;    // starts a page (chapters, notes, references)
  bool folio = true;        // the page it starts gets a folio (not the title page)
  bool grid = false;        // a line of body text: its baseline sits on the page's leading grid
  bool display = false;     // a heading, pull quote or figure: the space around it may grow to fill a page
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
  std::vector<std::string> notes;         // ids of the notes referenced on this line (footnotes)
};

using Flow = std::vector<Slice>;

// What a paragraph is set from, so that it can be set again.
struct ParagraphSource {
  const Inlines* inlines = nullptr;  // the document's, or made by the layout and kept in made_inlines
  InlineStyle style;
  std::uint32_t node = 0;  // its anchors' node number
  double first_indent = 0;
  LineFrame frame;
};

// A paragraph set one line shorter and one line longer than its best (TeX's \looseness −1 and +1),
// for the page builder to choose from, each with what it costs in evenness of spacing; an empty
// setting is one the paragraph cannot take. The page builder takes few: until compose_taken_settings
// composes those from the source, their lines are outlines (outline_line), without glyphs.
struct Alternatives {
  Flow tighter, looser;
  double tighter_cost = 0, looser_cost = 0;
  std::vector<LineBreak> tighter_breaks, looser_breaks;
  ParagraphSource source;
};

// All that pages are made from.
struct BookFlow {
  Flow slices;
  std::map<std::uint32_t, Alternatives> alternatives;  // by paragraph number
  std::map<std::string, Flow> footnotes;               // by note id: its lines, for the foot of the page
  // Inlines the layout made (a note's number before its text), kept where sources point to them.
  std::vector<std::unique_ptr<const Inlines>> made_inlines;
};

}  // namespace recto::typeset
