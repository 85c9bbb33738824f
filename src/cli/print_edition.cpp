// Reading a theme and typesetting the book in it, with the edition's date and identifier.
#include "print_edition.hpp"

#include "edition.hpp"
#include "source_date.hpp"
#include "stylesheet.hpp"
#include "typeset.hpp"

#ifndef RECTO_VERSION
#define RECTO_VERSION "0.0.0"
#endif

namespace recto {

std::string default_theme(const Document& doc) { return doc.meta.theme.empty() ? "trade" : doc.meta.theme; }

std::optional<typeset::PagedDoc> print_edition(Loaded& loaded, const std::string& theme, text::FontLibrary& fonts) {
  auto sheet = style::load_theme(theme, loaded.doc.folder, loaded.env, loaded.diags);
  if (!sheet) return std::nullopt;
  bool ok = true;
  epub::Edition edition = epub::make_edition(loaded.doc.meta, source_date_epoch(ok));
  typeset::TypesetOptions options{edition.timestamp, "recto " RECTO_VERSION, edition.identifier};
  return typeset::typeset_book(loaded.doc, *sheet, fonts, options, loaded.env, loaded.diags);
}

std::vector<epub::PageStart> page_starts(const typeset::PagedDoc& pages) {
  std::vector<epub::PageStart> starts;
  for (std::size_t i = 0; i < pages.pages.size(); ++i) {
    const typeset::Page& page = pages.pages[i];
    if (page.runs.empty()) continue;
    const typeset::Anchor& first = page.runs.front().anchor;  // runs are placed text first
    const Block* block = first.node < pages.anchor_blocks.size() ? pages.anchor_blocks[first.node] : nullptr;
    if (block || i == 0) starts.push_back({block, block ? first.offset : 0, page.label});
  }
  return starts;
}

}  // namespace recto
