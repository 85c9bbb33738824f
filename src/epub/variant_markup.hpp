// A document finished for its variant: the variant's changes to its markup, then its bytes.
#pragma once

#include <pugixml.hpp>
#include <string>

#include "variant.hpp"

namespace recto::epub {

enum class DocumentKind {
  content,     // a content document in the spine: cover, title page, text, notes, colophon
  navigation,  // nav.xhtml
  other,       // the package document, the NCX
};

// The document in the variant's markup, serialized (see serialize()).
std::string finish_document(pugi::xml_document& doc, const Variant& variant, DocumentKind kind,
                            const std::string& lang);

}  // namespace recto::epub
