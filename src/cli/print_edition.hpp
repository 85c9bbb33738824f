// The printed edition of a loaded manuscript in one theme: the theme read, the pages set.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "font_library.hpp"
#include "load.hpp"
#include "page_marks.hpp"
#include "paged_doc.hpp"
#include "parallel.hpp"
#include "shape_memo.hpp"

namespace recto {

// The theme a build uses when none is asked for: the manuscript's `theme:`, else "trade".
std::string default_theme(const Meta& meta);

// Finds the faces of a built-in theme's fonts, so that setting the book in it finds them known: on a
// thread of its own while the manuscript is read. Problems (and theme files) are left to
// print_edition, which reports them.
void preload_theme_fonts(const std::string& theme, text::FontLibrary& fonts);

// The book's cover: the manuscript's cover-image, else one drawn from its title and authors; made
// once, the first time it is asked for, or on a thread of its own from start().
class BookCover {
 public:
  explicit BookCover(Loaded& loaded) : loaded_(loaded) {}
  // Starts drawing the cover beside the typesetting, when the manuscript names none.
  void start();
  const std::string& bytes();
  // True when the manuscript names its own (which the EPUB then reads for itself).
  bool from_manuscript() const { return !loaded_.doc.meta.cover_image.empty(); }
  // The font files the drawn cover read (for depfiles), once bytes() has returned.
  std::vector<std::string> font_files() const { return fonts_.files(); }

 private:
  Loaded& loaded_;
  text::FontLibrary fonts_;  // its own, as the drawing may run beside the typesetting
  Beside<std::string> drawing_;
  std::optional<std::string> bytes_;
};

// Lays out the book in the theme, with the cover first when the theme asks for it, with the texts
// shaped in earlier builds when given; nullopt after an error (reported in loaded.diags).
std::optional<typeset::PagedDoc> print_edition(Loaded& loaded, const std::string& theme, text::FontLibrary& fonts,
                                               BookCover& cover, text::ShapeMemo* shape_memo = nullptr);

// Where each page of an edition begins in the tree, for the EPUB's page markers: the first word of
// the page's text. The title page is marked on the EPUB's title page; other pages with no text from
// the manuscript (the printed contents) are not marked.
std::vector<epub::PageStart> page_starts(const typeset::PagedDoc& pages);

}  // namespace recto
