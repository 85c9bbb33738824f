// Which glyphs of which faces a document shows, and the text each glyph stands for.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "paged_doc.hpp"

namespace recto::pdf {

struct FontUsage {
  const text::FontFace* face = nullptr;
  std::set<std::uint32_t> glyphs;  // the face's own ids, .notdef (0) always among them
  // The text a glyph stands for in the ToUnicode map: the one it stands for most often (the first
  // seen on a tie). Glyphs that never stand for any text have no entry.
  std::map<std::uint32_t, std::string> glyph_text;
};

// One entry per face, in the order of first use, so that the output does not depend on addresses.
std::vector<FontUsage> collect_font_usage(const typeset::PagedDoc& doc);

}  // namespace recto::pdf
