// Subsetting a face to the glyphs a document shows, with hb-subset, renumbering the glyphs.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "font_face.hpp"

namespace recto::pdf {

struct FontSubset {
  // What the PDF embeds: the whole TrueType subset font, or the subset's bare 'CFF ' table.
  std::string program;
  bool cff = false;
  std::unordered_map<std::uint32_t, std::uint32_t> new_glyph;  // the face's id → the subset's id,
                                                               // for the glyphs asked for
  std::vector<std::uint32_t> old_glyph;  // the subset's id → the face's id, for every glyph in the
                                         // subset, composite glyphs' parts included
};

// The subset keeps only the tables a PDF viewer needs: no layout tables and no character map. Glyph ids are not
// retained: the subset's ids run from 0 (.notdef) up, in the order of the face's ids, and may
// include glyphs not asked for (the parts of composite glyphs). Throws when hb-subset fails or a
// glyph is not in the face.
FontSubset subset_font(const text::FontFace& face, const std::set<std::uint32_t>& glyphs);

// How long subsetting the face takes, roughly: its glyph count (hb-subset reads the whole glyph
// table, however few glyphs it keeps).
unsigned subset_cost(const text::FontFace& face);

}  // namespace recto::pdf
