// Unique, stable ids: explicit ids kept (duplicates reported), headings given pandoc's auto-identifiers.
#pragma once

#include <string>

#include "diagnostics.hpp"
#include "tree.hpp"

namespace recto {

// Pandoc's auto_identifiers rule: text without formatting or notes, lowercased, spaces to hyphens,
// punctuation other than _ - . removed, everything before the first letter removed; "section" if empty.
std::string auto_identifier(const Inlines& heading);

void assign_identifiers(Document& doc, Diagnostics& diags);

}  // namespace recto
