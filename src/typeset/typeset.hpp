// The typesetter: a resolved document and a theme → pages of positioned glyphs, rules, images, links.
#pragma once

#include <optional>

#include "diagnostics.hpp"
#include "env.hpp"
#include "font_library.hpp"
#include "hyphenator.hpp"
#include "paged_doc.hpp"
#include "shape_memo.hpp"
#include "stylesheet.hpp"
#include "tree.hpp"

namespace recto::typeset {

struct TypesetOptions {
  std::int64_t timestamp = 0;  // the edition's date (SOURCE_DATE_EPOCH or the manuscript's)
  std::string generator = "recto";
  std::string identifier;      // seeds the PDF's /ID
  std::string cover;           // the cover, PNG or JPEG: the first page of a theme that asks for it
  // The text is set in up to this many groups of chapters or paragraphs, on as many threads as there
  // are cores. A fixed number keeps the book the same on any machine; 1 sets it all on this thread.
  std::size_t most_groups = 4;
  // Where the words' hyphenation points are found and kept, shared by every edition of a book (and
  // filled ahead: hyphenate_ahead); null: the typesetter's own.
  text::Hyphenator* hyphenator = nullptr;
  // Texts shaped in earlier builds, lent to the typesetter, which records what it shapes anew; null:
  // none.
  text::ShapeMemo* shape_memo = nullptr;
};

// nullopt after an error (a font family that is not installed).
std::optional<PagedDoc> typeset_book(const Document& doc, const style::StyleSheet& sheet, text::FontLibrary& fonts,
                                     const TypesetOptions& options, Env& env, Diagnostics& diags);

// Every page's primitives as stable text, for golden tests and for looking at: one line per glyph run,
// rule, image and link, with its anchor.
std::string dump_pages(const PagedDoc& doc);

}  // namespace recto::typeset
