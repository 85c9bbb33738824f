// The title page: title, subtitle, authors and the original publication.
#include "pages.hpp"
#include "terms.hpp"
#include "variant_markup.hpp"
#include "xml_text.hpp"

namespace recto::epub {

std::string title_page_xhtml(const Meta& meta, const Edition& edition, PageMarks* marks) {
  pugi::xml_document doc;
  pugi::xml_node body = start_xhtml(doc, term(Term::title_page, edition.lang), edition.lang);
  pugi::xml_node section = body.append_child("section");
  section.append_attribute("class") = "titlepage";
  section.append_attribute("epub:type") = "titlepage";
  if (marks) {
    marks->set_file(titlepage_file);
    marks->title_page(section);
  }
  pugi::xml_node h1 = add_element(section, "h1", meta.title);
  h1.append_attribute("epub:type") = "title";
  if (!meta.subtitle.empty()) {
    pugi::xml_node sub = add_element(section, "p", meta.subtitle);
    sub.append_attribute("class") = "subtitle";
    sub.append_attribute("epub:type") = "subtitle";
    sub.append_attribute("role") = "doc-subtitle";
  }
  for (const auto& author : meta.authors) add_element(section, "p", author).append_attribute("class") = "author";
  if (!meta.source.empty()) add_element(section, "p", meta.source).append_attribute("class") = "source";
  return finish_document(doc, edition.variant, DocumentKind::content, edition.lang);
}

}  // namespace recto::epub
