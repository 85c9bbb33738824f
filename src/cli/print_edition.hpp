// The printed edition of a loaded manuscript in one theme: the theme read, the pages set.
#pragma once

#include <optional>
#include <string>

#include "font_library.hpp"
#include "load.hpp"
#include "paged_doc.hpp"

namespace recto {

// The theme a build uses when none is asked for: the manuscript's `theme:`, else "trade".
std::string default_theme(const Document& doc);

// Lays out the book in the theme; nullopt after an error (reported in loaded.diags).
std::optional<typeset::PagedDoc> print_edition(Loaded& loaded, const std::string& theme, text::FontLibrary& fonts);

}  // namespace recto
