// The cover page: the cover image alone, described for those who do not see it.
#include "pages.hpp"
#include "terms.hpp"
#include "variant_markup.hpp"
#include "xml_text.hpp"

namespace recto::epub {

std::string cover_page_xhtml(const std::string& image_href, const Meta& meta, const Edition& edition) {
  pugi::xml_document doc;
  pugi::xml_node body = start_xhtml(doc, term(Term::cover, edition.lang), edition.lang);
  pugi::xml_node section = body.append_child("section");
  section.append_attribute("class") = "cover";
  section.append_attribute("epub:type") = "cover";
  std::string alt = meta.title;
  for (std::size_t i = 0; i < meta.authors.size(); ++i) alt += (i == 0 ? " — " : ", ") + meta.authors[i];
  pugi::xml_node img = section.append_child("img");
  img.append_attribute("src") = image_href.c_str();
  img.append_attribute("alt") = (term(Term::cover, edition.lang) + ": " + alt).c_str();
  return finish_document(doc, edition.variant, DocumentKind::content, edition.lang);
}

}  // namespace recto::epub
