// The typesetter's vocabulary for a paragraph: boxes (shaped words), glue (stretchable space) and
// penalties (break points), as in Knuth and Plass's "Breaking paragraphs into lines".
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "paged_doc.hpp"
#include "shaper.hpp"

namespace recto::typeset {

inline constexpr double forced_break = -std::numeric_limits<double>::infinity();

struct Box {
  const text::ShapedText* shaped = nullptr;  // null: an empty box (an indent); else its word's text and glyphs
  double size = 0;                           // pt
  double raise = 0;                          // baseline shift, pt (superscripts)
  double width = 0;                          // pt
  Anchor anchor;
  // Texts kept by the ItemBuilder that made the box, one address for equal texts (null: none), so
  // that items stay cheap to copy. The link: a URL, or "#id" for a place in the book. The id: a place
  // other links point at ("noteref-3"), on the box that starts it. The note: on a note reference,
  // the note's id, whose text goes to the foot of the page.
  const std::string* link = nullptr;
  const std::string* id = nullptr;
  const std::string* note = nullptr;
  // A piece of a hyphenatable word: glyphs [glyph_begin, glyph_end) of shaped->runs[0] (the word's
  // whole text stays in shaped->text, for the glyphs' text); glyph_end == npos: the whole word.
  std::size_t glyph_begin = 0, glyph_end = std::string::npos;
};

struct Item {
  enum Kind { box, glue, penalty } kind = box;
  Box content;                             // for boxes
  double width = 0, stretch = 0, shrink = 0;  // glue; width also for boxes, and for a penalty the width
                                              // of what a break there adds (the hyphen)
  double cost = 0;                         // for penalties: forced_break forces a line end
  bool flagged = false;                    // a penalty at a hyphen: two in a row cost extra
  bool expansion = false;  // glue that stands for the next word's font expansion: not a space
  bool invisible = false;  // glue at a break opportunity inside a word: not a space either
};

using Items = std::vector<Item>;

Item make_glue(double width, double stretch, double shrink);
Item make_penalty(double cost);

}  // namespace recto::typeset
