// The Kindle variant's plainer markup: no epub:type but the one EPUB 3 requires, no word joiners.
#pragma once

#include <pugixml.hpp>

namespace recto::epub {

// Removes every epub:type attribute except the nav document's <nav epub:type="toc">, which EPUB 3
// requires; then the root's xmlns:epub declaration when no epub: attribute is left.
void remove_epub_types(pugi::xml_document& doc);

// Removes U+2060 WORD JOINER from every text and attribute value.
void remove_word_joiners(pugi::xml_document& doc);

}  // namespace recto::epub
