// The PDF stage: the typesetter's pages of positioned primitives → the bytes of a PDF file.
#pragma once

#include <string>

#include "paged_doc.hpp"

namespace recto::pdf {

// A pure function: the same PagedDoc always gives the same bytes. Fonts are embedded as hb-subset
// subsets (Type0 CID fonts with exact widths and ToUnicode maps), text is placed glyph by glyph
// with TJ, images, rules, links, bookmarks, page labels and document info follow the PagedDoc.
// Throws std::runtime_error on a broken input (an unreadable image, a glyph not in its font) or a
// libharu failure.
std::string write_pdf(const typeset::PagedDoc& doc);

}  // namespace recto::pdf
