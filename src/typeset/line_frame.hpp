// Where and how a paragraph's lines are set: their edge, measure, leading and alignment.
#pragma once

namespace recto::typeset {

enum class Align { justify, left, center, right };

struct LineFrame {
  double x = 0;        // the line's left edge from the text block's
  double measure = 0;  // its width
  double height = 14;  // the leading
  Align align = Align::justify;
  double expansion = 0;  // font expansion allowed (0.02: glyphs 2 % wider or narrower at most)
  bool protrusion = false;  // punctuation at the ends of justified lines hangs into the margins
};

}  // namespace recto::typeset
