// Finishing a document for its variant: the variant's changes to the markup, in order, then the bytes.
#include "variant_markup.hpp"

#include "kindle_markup.hpp"
#include "kobo_spans.hpp"
#include "xml_text.hpp"

namespace recto::epub {

std::string finish_document(pugi::xml_document& doc, const Variant& variant, DocumentKind kind,
                            const std::string& lang) {
  if (!variant.word_joiners) remove_word_joiners(doc);
  if (variant.kobo_spans && kind == DocumentKind::content) add_kobo_markup(doc, lang);
  if (!variant.epub_types && kind != DocumentKind::other) remove_epub_types(doc);
  return serialize(doc);
}

}  // namespace recto::epub
