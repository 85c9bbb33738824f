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
  const text::ShapedText* shaped = nullptr;  // null: an empty box (an indent)
  std::string text;                          // the characters the box sets
  double size = 0;                           // pt
  double raise = 0;                          // baseline shift, pt (superscripts)
  double width = 0;                          // pt
  Anchor anchor;
  std::string link;  // a URL, or "#id" for a place in the book
  std::string id;    // a place other links point at ("noteref-3"), set on the box that starts it
};

struct Item {
  enum Kind { box, glue, penalty } kind = box;
  Box content;                             // for boxes
  double width = 0, stretch = 0, shrink = 0;  // for glue (and width for boxes)
  double cost = 0;                         // for penalties: forced_break forces a line end
};

using Items = std::vector<Item>;

Item make_glue(double width, double stretch, double shrink);
Item make_penalty(double cost);

}  // namespace recto::typeset
