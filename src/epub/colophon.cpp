// The colophon: the work, its original publication, this edition's date and the tool that made it.
#include "pages.hpp"
#include "terms.hpp"
#include "variant_markup.hpp"
#include "xml_text.hpp"

namespace recto::epub {

std::string colophon_xhtml(const Meta& meta, const Edition& edition, const std::string& generator) {
  pugi::xml_document doc;
  pugi::xml_node section =
      start_back_matter(doc, term(Term::colophon, edition.lang), edition.lang, "colophon", "doc-colophon");
  section.prepend_attribute("class") = "colophon";
  std::string authors;
  for (std::size_t i = 0; i < meta.authors.size(); ++i) {
    authors += (i == 0 ? "" : i + 1 == meta.authors.size() ? " and " : ", ") + meta.authors[i];
  }
  pugi::xml_node work = section.append_child("p");
  add_element(work, "i", meta.title);
  if (!authors.empty()) add_text(work, " by " + authors + ".");
  if (!meta.source.empty()) add_element(section, "p", "First published in " + meta.source + ".");
  if (!meta.rights.empty()) add_element(section, "p", meta.rights);
  std::string made = "This edition was made";
  if (edition.dated) made += " on " + edition.day;
  add_element(section, "p", made + " with " + generator + ".");
  return finish_document(doc, edition.variant, DocumentKind::content, edition.lang);
}

}  // namespace recto::epub
