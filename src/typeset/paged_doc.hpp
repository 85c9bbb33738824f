// The typesetter's output and the PDF writer's only input: pages of positioned primitives.
// Units are PostScript points; y grows upwards from the page's bottom edge, as in PDF.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "font_face.hpp"

namespace recto {
struct Block;
}

namespace recto::typeset {

// Where a primitive comes from in the document tree: the node's number in reading order and a
// character offset in its text, so that the EPUB can mark where each printed page begins.
struct Anchor {
  std::uint32_t node = 0;
  std::uint32_t offset = 0;
};

// One glyph of a run.
struct RunGlyph {
  std::uint32_t id = 0;        // the face's own glyph id (the writer renumbers for subsets)
  std::uint32_t text_end = 0;  // where the text it stands for ends in the run's text
  double x = 0;                // its pen position relative to the run's x, kerning and justification included
};

// A run of glyphs of one face at one size on one baseline: one block for the glyphs and one for
// their text, as a book has hundreds of thousands of runs to make and free.
struct GlyphRun {
  const text::FontFace* face = nullptr;
  double size = 10;  // pt
  double expansion = 1;  // horizontal scale of the glyphs (font expansion, within ±2 %); positions include it
  double x = 0, y = 0;  // baseline origin of the first glyph
  std::vector<RunGlyph> glyphs;
  // The text each glyph stands for ("fi" for a ligature, "" for the second and later glyphs of one
  // character), all in one string: glyph i's is text_of(i).
  std::string text;
  Anchor anchor;

  std::string_view text_of(std::size_t i) const {
    std::uint32_t begin = i == 0 ? 0 : glyphs[i - 1].text_end;
    return std::string_view(text).substr(begin, glyphs[i].text_end - begin);
  }
  void add_glyph(std::uint32_t id, double x_position, std::string_view glyph_text) {
    text += glyph_text;
    glyphs.push_back({id, static_cast<std::uint32_t>(text.size()), x_position});
  }
};

struct Rule {  // a filled rectangle (rules under notes, table lines)
  double x = 0, y = 0, width = 0, height = 0;
};

struct PlacedImage {
  std::string data;        // the file's bytes, PNG or JPEG
  std::string media_type;  // "image/png" or "image/jpeg"
  double x = 0, y = 0, width = 0, height = 0;  // bottom-left corner and size on the page
  std::string alt;
  Anchor anchor;
};

// A clickable area: to a URI, or to a place in the document.
struct LinkArea {
  double x = 0, y = 0, width = 0, height = 0;
  std::string uri;       // external link when not empty
  int target_page = -1;  // else: the page index (0-based) and the y to show at the top
  double target_y = 0;
  std::string target_id;  // and the id of the place it goes to
};

struct OutlineEntry {  // a bookmark
  int level = 1;
  std::string title;
  int page = 0;
  double y = 0;
};

struct Page {
  std::string label;  // the page number as printed ("1", "iv")
  std::vector<GlyphRun> runs;
  std::vector<Rule> rules;
  std::vector<PlacedImage> images;
  std::vector<LinkArea> links;
};

struct DocInfo {
  std::string title, author, subject, keywords, creator, lang;
  std::int64_t timestamp = 0;  // seconds since 1970 UTC: CreationDate and ModDate
  std::string id_seed;         // the document /ID is derived from it (title, authors, identifier)
};

struct PagedDoc {
  double width = 432, height = 648;  // 6 × 9 in
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  DocInfo info;
  // For each anchor node number, the tree block its text comes from (null: the title page, the
  // contents), so that the EPUB can mark where each printed page begins.
  std::vector<const Block*> anchor_blocks;
};

}  // namespace recto::typeset
