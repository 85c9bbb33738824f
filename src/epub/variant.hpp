// EPUB variants for particular readers: what the writers change in the markup for Kobo and for Kindle.
#pragma once

namespace recto::epub {

struct Variant {
  // Kobo (a kepub): every sentence of the text in a koboSpan, the body's content wrapped in
  // div#book-columns > div#book-inner, as Kobo's own kepubs and kepubify have them.
  bool kobo_spans = false;
  // false (Kindle): no epub:type attribute but the one EPUB 3 requires — the nav document's
  // <nav epub:type="toc"> — so no landmarks nav, no print page-list or page markers, and no
  // xmlns:epub where nothing uses it.
  bool epub_types = true;
  // false (Kindle): word joiners (U+2060) left out of every file; older Kindles show them as boxes.
  bool word_joiners = true;
  // The table of contents (nav and NCX) at most this many levels deep; 0: every listed heading.
  int toc_depth = 0;

  static Variant kobo() { return {true, true, true, 0}; }
  static Variant kindle() { return {false, false, false, 2}; }
};

}  // namespace recto::epub
