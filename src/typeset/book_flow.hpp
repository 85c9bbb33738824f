// The book as one flow: title page, chapters, endnotes, References — each part starting a page.
#pragma once

#include "block_layout.hpp"

namespace recto::typeset {

void title_page(const Meta& meta, const style::StyleSheet& sheet, BlockLayout& layout, Flow& flow);

// The notes of the text divisions, in note order, as a "Notes" section.
void endnotes(const Document& doc, const style::StyleSheet& sheet, BlockLayout& layout);

}  // namespace recto::typeset
