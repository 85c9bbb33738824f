// The content-stream operators that show one glyph run: glyph codes in TJ arrays, placed exactly.
#pragma once

#include <string>
#include <vector>

#include "paged_doc.hpp"
#include "pdf_font.hpp"

namespace recto::pdf {

// The run's font as one page refers to it.
struct FontResource {
  std::string name;  // in the page's /Font resources, without the slash
  const PdfFont* font = nullptr;
  const std::vector<double>* widths = nullptr;  // as /W writes them, so that positions do not drift
};

// `BT /R1 10 Tf x y Td [<codes> adjustment <codes> …] TJ ET`. Each adjustment is the difference
// between where the written widths leave the pen and the glyph's x position, tracked as written,
// so errors never add up. A glyph standing for other text than its ToUnicode entry (a space glyph
// set for a no-break space, say) is wrapped in an /ActualText span with the text it stands for.
std::string glyph_run_operators(const typeset::GlyphRun& run, const FontResource& resource);

}  // namespace recto::pdf
