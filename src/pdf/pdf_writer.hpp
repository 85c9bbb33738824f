// The PDF stage: the typesetter's pages of positioned primitives → the bytes of a PDF file.
#pragma once

#include <stdexcept>
#include <string>

#include "paged_doc.hpp"

namespace recto::pdf {

// A pure function: the same PagedDoc always gives the same bytes. Fonts are embedded as hb-subset
// subsets (Type0 CID fonts with exact widths and ToUnicode maps), text is placed glyph by glyph
// with TJ, images, rules, links, bookmarks, page labels and document info follow the PagedDoc.
// Throws ImageError for an image that cannot be decoded or embedded, std::runtime_error on another
// broken input (a glyph not in its font) or a libharu failure.
std::string write_pdf(const typeset::PagedDoc& doc);

// An image in the manuscript that the PDF cannot hold (a PNG whose data libpng rejects): why, and
// the image's anchor in the tree.
struct ImageError : std::runtime_error {
  ImageError(const std::string& what, typeset::Anchor at) : std::runtime_error(what), anchor(at) {}
  typeset::Anchor anchor;
};

}  // namespace recto::pdf
