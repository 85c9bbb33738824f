// A text part: one file of a chapter (or of the References), as a section of the body.
#include "pages.hpp"
#include "tree_walk.hpp"
#include "variant_markup.hpp"
#include "xml_text.hpp"

namespace recto::epub {

namespace {

const Header* first_heading(const Division& d, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    if (auto* h = std::get_if<Header>(&d.blocks[i].node)) return h;
  }
  return nullptr;
}

}  // namespace

bool is_references(const Division& d) { return d.attr.has_class("references"); }

std::string part_title(const TextPart& part, const Document& doc) {
  const Division& d = *part.division;
  if (const Header* h = first_heading(d, part.begin, part.end)) return plain_text(h->content);
  if (const Header* h = first_heading(d, 0, d.blocks.size())) return plain_text(h->content);
  std::size_t text_divisions = 0;
  for (const Division& other : doc.divisions) text_divisions += !is_references(other);
  return text_divisions == 1 && !doc.meta.title.empty() ? doc.meta.title : d.name;
}

std::string text_part_xhtml(const TextPart& part, const std::string& title, XhtmlWriter& writer,
                            const Edition& edition) {
  pugi::xml_document doc;
  pugi::xml_node body = start_xhtml(doc, title, edition.lang);
  bool references = is_references(*part.division);
  body.append_attribute("epub:type") = references ? "backmatter" : "bodymatter";
  pugi::xml_node section = body.append_child("section");
  section.append_attribute("epub:type") = references ? "bibliography" : "chapter";
  section.append_attribute("role") = references ? "doc-bibliography" : "doc-chapter";
  if (!first_heading(*part.division, part.begin, part.end)) section.append_attribute("aria-label") = xml_safe(title).c_str();
  for (std::size_t i = part.begin; i < part.end; ++i) writer.block(section, part.division->blocks[i]);
  return finish_document(doc, edition.variant, DocumentKind::content, edition.lang);
}

}  // namespace recto::epub
