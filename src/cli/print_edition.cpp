// Reading a theme and typesetting the book in it, with the edition's date and identifier.
#include "print_edition.hpp"

#include <algorithm>
#include <iterator>

#include "cover.hpp"
#include "edition.hpp"
#include "font_set.hpp"
#include "paths.hpp"
#include "source_date.hpp"
#include "stylesheet.hpp"
#include "typeset.hpp"

#ifndef RECTO_VERSION
#define RECTO_VERSION "0.0.0"
#endif

namespace recto {

std::string default_theme(const Meta& meta) { return meta.theme.empty() ? "trade" : meta.theme; }

void preload_theme_fonts(const std::string& theme, text::FontLibrary& fonts) {
  if (std::find(std::begin(style::builtin_themes), std::end(style::builtin_themes), theme) == std::end(style::builtin_themes)) {
    return;
  }
  Env env;
  Diagnostics diags;
  if (auto sheet = style::load_theme(theme, {}, env, diags)) {
    typeset::FontSet set;
    typeset::find_fonts(*sheet, fonts, set, diags);
  }
}

void BookCover::start() {
  if (from_manuscript() || drawing_.valid() || bytes_) return;
  const Meta& m = loaded_.doc.meta;
  drawing_ = Beside<std::string>([this, text = cover::CoverText{m.title, m.subtitle, m.authors, m.lang}] {
    return cover::generated_cover(text, fonts_);
  });
}

const std::string& BookCover::bytes() {
  if (bytes_) return *bytes_;
  const Meta& m = loaded_.doc.meta;
  if (m.cover_image.empty()) {
    start();
    bytes_ = drawing_.get();
  } else if (!stays_inside(loaded_.doc.folder, m.cover_image)) {
    loaded_.diags.error(m.cover_image_at, "path-outside", "image '" + m.cover_image + "' is outside the manuscript folder");
    bytes_ = "";
  } else {
    auto file = loaded_.env.read_file(loaded_.doc.folder / m.cover_image);
    if (!file) loaded_.diags.error(m.cover_image_at, "missing-image", "image '" + m.cover_image + "' not found");
    bytes_ = file.value_or("");
  }
  return *bytes_;
}

std::optional<typeset::PagedDoc> print_edition(Loaded& loaded, const std::string& theme, text::FontLibrary& fonts,
                                               BookCover& cover, text::ShapeMemo* shape_memo) {
  auto sheet = style::load_theme(theme, loaded.doc.folder, loaded.env, loaded.diags);
  if (!sheet) return std::nullopt;
  bool ok = true;
  epub::Edition edition = epub::make_edition(loaded.doc.meta, source_date_epoch(ok));
  typeset::TypesetOptions options{edition.timestamp, "recto " RECTO_VERSION, edition.identifier,
                                  sheet->cover ? cover.bytes() : ""};
  options.hyphenator = &loaded.hyphenator;
  options.shape_memo = shape_memo;
  return typeset::typeset_book(loaded.doc, *sheet, fonts, options, loaded.env, loaded.diags);
}

std::vector<epub::PageStart> page_starts(const typeset::PagedDoc& pages) {
  std::vector<epub::PageStart> starts;
  for (std::size_t i = 0; i < pages.pages.size(); ++i) {
    const typeset::Page& page = pages.pages[i];
    if (page.runs.empty()) continue;
    const typeset::Anchor& first = page.runs.front().anchor;  // runs are placed text first
    const Block* block = first.node < pages.anchor_blocks.size() ? pages.anchor_blocks[first.node] : nullptr;
    if (block || starts.empty()) starts.push_back({block, block ? first.offset : 0, page.label});  // or the title page
  }
  return starts;
}

}  // namespace recto
