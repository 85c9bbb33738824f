// The endnotes file: every note in one section, in the markup that makes notes pop up in readers.
#include "pages.hpp"
#include "terms.hpp"
#include "variant_markup.hpp"
#include "xml_text.hpp"

namespace recto::epub {

std::string endnotes_xhtml(const std::vector<NoteRef>& notes, XhtmlWriter& writer, const Edition& edition) {
  pugi::xml_document doc;
  pugi::xml_node section =
      start_back_matter(doc, term(Term::notes, edition.lang), edition.lang, "endnotes", "doc-endnotes");
  section.prepend_attribute("id") = "endnotes";
  for (const NoteRef& ref : notes) {
    writer.start_file(endnotes_file, ref.chapter_dir);
    pugi::xml_node aside = section.append_child("aside");
    aside.append_attribute("id") = ref.note->id.c_str();
    aside.append_attribute("class") = "endnote";
    aside.append_attribute("epub:type") = "endnote footnote";
    aside.append_attribute("role") = "doc-footnote";
    writer.blocks(aside, ref.note->content);
    // The number first, as a link back to the reference: a paragraph of its own if the note does
    // not start with one.
    pugi::xml_node first = aside.first_child();
    if (!first || std::string(first.name()) != "p") first = aside.prepend_child("p");
    pugi::xml_node back = first.prepend_child("a");
    back.append_attribute("class") = "backlink";
    back.append_attribute("href") = (ref.file + "#" + ref.note->ref_id).c_str();
    back.append_attribute("role") = "doc-backlink";
    add_text(back, std::to_string(ref.note->number) + ".");
    back.parent().insert_child_after(pugi::node_pcdata, back).set_value(" ");
  }
  return finish_document(doc, edition.variant, DocumentKind::content, edition.lang);
}

}  // namespace recto::epub
