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

}  // namespace recto
