// The page dump: every primitive of every page as one line of stable text.
#include <cstdio>

#include "typeset.hpp"

namespace recto::typeset {

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

std::string dump_pages(const PagedDoc& doc) {
  std::string out = "document " + number(doc.width) + " x " + number(doc.height) + " pages " +
                    std::to_string(doc.pages.size()) + "\n";
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    const Page& p = doc.pages[i];
    out += "page " + std::to_string(i + 1) + " label " + p.label + "\n";
    for (const GlyphRun& r : p.runs) {
      out += "  text " + number(r.x) + " " + number(r.y) + " " + r.face->postscript_name + " " + number(r.size) +
             " \"" + r.text + "\" @" + std::to_string(r.anchor.node) + ":" + std::to_string(r.anchor.offset) + "\n";
    }
    for (const Rule& r : p.rules) {
      out += "  rule " + number(r.x) + " " + number(r.y) + " " + number(r.width) + " " + number(r.height) + "\n";
    }
    for (const PlacedImage& img : p.images) {
      out += "  image " + number(img.x) + " " + number(img.y) + " " + number(img.width) + " " + number(img.height) +
             " " + img.media_type + " \"" + img.alt + "\" @" + std::to_string(img.anchor.node) + ":" +
             std::to_string(img.anchor.offset) + "\n";
    }
    for (const LinkArea& l : p.links) {
      out += "  link " + number(l.x) + " " + number(l.y) + " " + number(l.width) + " " + number(l.height) + " -> " +
             (l.uri.empty() ? "#" + l.target_id + " page " + std::to_string(l.target_page + 1) + " y " + number(l.target_y)
                            : l.uri) +
             "\n";
    }
  }
  for (const OutlineEntry& e : doc.outline) {
    out += "outline " + std::to_string(e.level) + " \"" + e.title + "\" page " + std::to_string(e.page + 1) + " y " +
           number(e.y) + "\n";
  }
  return out;
}

}  // namespace recto::typeset
