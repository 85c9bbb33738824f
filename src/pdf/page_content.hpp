// The content of one page that recto writes itself, rules and then glyph runs, as operators.
#pragma once

#include <string>
#include <unordered_map>

#include "glyph_run_operators.hpp"
#include "paged_doc.hpp"

namespace recto::pdf {

using FontResources = std::unordered_map<const text::FontFace*, FontResource>;

std::string page_content(const typeset::Page& page, const FontResources& fonts);

}  // namespace recto::pdf
