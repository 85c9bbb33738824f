// Writing content.opf: EPUB 3.3 markup that is also valid EPUB 3.2, with EPUB Accessibility 1.1 metadata.
#include "package_document.hpp"

#include "variant_markup.hpp"
#include "xml_text.hpp"

namespace recto::epub {

namespace {

pugi::xml_node meta_property(pugi::xml_node metadata, const char* property, const std::string& value,
                             const std::string& refines = {}) {
  pugi::xml_node m = add_element(metadata, "meta", value);
  if (!refines.empty()) m.append_attribute("refines") = ("#" + refines).c_str();
  m.append_attribute("property") = property;
  return m;
}

pugi::xml_node dc(pugi::xml_node metadata, const char* name, const std::string& value, const std::string& id = {}) {
  pugi::xml_node e = add_element(metadata, (std::string("dc:") + name).c_str(), value);
  if (!id.empty()) e.append_attribute("id") = id.c_str();
  return e;
}

void accessibility(pugi::xml_node metadata, const Meta& meta, const Accessibility& a11y) {
  meta_property(metadata, "schema:accessMode", "textual");
  if (a11y.images) meta_property(metadata, "schema:accessMode", "visual");
  meta_property(metadata, "schema:accessModeSufficient", "textual");
  for (const char* feature : {"structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"}) {
    meta_property(metadata, "schema:accessibilityFeature", feature);
  }
  if (a11y.images) meta_property(metadata, "schema:accessibilityFeature", "alternativeText");
  if (!a11y.print_edition.empty()) {
    meta_property(metadata, "schema:accessibilityFeature", "printPageNumbers");
    meta_property(metadata, "schema:accessibilityFeature", "pageNavigation");
  }
  meta_property(metadata, "schema:accessibilityHazard", "none");
  std::string summary =
      "All of this book can be read as text, aloud or on a braille display: the text reflows to any size, "
      "headings and a table of contents give its structure, the reading order is the order of the text, "
      "and every note links to its text and back.";
  if (a11y.images) summary += " Every image has a description in words.";
  summary += " It has no flashing, sound or motion.";
  meta_property(metadata, "schema:accessibilitySummary", summary);
  meta_property(metadata, "dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
  if (auto it = meta.extra.find("certified-by"); it != meta.extra.end() && !it->second.empty()) {
    meta_property(metadata, "a11y:certifiedBy", it->second);
  }
}

}  // namespace

std::string file_as(const std::string& name) {
  std::size_t space = name.rfind(' ');
  if (space == std::string::npos) return name;
  return name.substr(space + 1) + ", " + name.substr(0, space);
}

std::string package_document(const Meta& meta, const Edition& edition, const Accessibility& a11y,
                             const std::vector<PackageFile>& files) {
  pugi::xml_document doc;
  pugi::xml_node package = doc.append_child("package");
  package.append_attribute("xmlns") = "http://www.idpf.org/2007/opf";
  package.append_attribute("version") = "3.0";
  package.append_attribute("unique-identifier") = "pub-id";
  package.append_attribute("xml:lang") = edition.lang.c_str();

  pugi::xml_node metadata = package.append_child("metadata");
  metadata.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  dc(metadata, "identifier", edition.identifier, "pub-id");
  dc(metadata, "title", meta.title, "title");
  meta_property(metadata, "title-type", "main", "title");
  if (!meta.subtitle.empty()) {
    dc(metadata, "title", meta.subtitle, "subtitle");
    meta_property(metadata, "title-type", "subtitle", "subtitle");
  }
  for (std::size_t i = 0; i < meta.authors.size(); ++i) {
    std::string id = "creator-" + std::to_string(i + 1);
    dc(metadata, "creator", meta.authors[i], id);
    meta_property(metadata, "role", "aut", id).append_attribute("scheme") = "marc:relators";
    meta_property(metadata, "file-as", file_as(meta.authors[i]), id);
  }
  dc(metadata, "language", edition.lang);
  if (!meta.date.empty()) dc(metadata, "date", meta.date);
  if (!meta.publisher.empty()) dc(metadata, "publisher", meta.publisher);
  if (!meta.rights.empty()) dc(metadata, "rights", meta.rights);
  if (!meta.description.empty()) dc(metadata, "description", meta.description);
  for (const auto& subject : meta.subjects) dc(metadata, "subject", subject);
  meta_property(metadata, "dcterms:modified", edition.modified);
  accessibility(metadata, meta, a11y);
  // The original publication; the print edition that the page-list follows is the last source.
  if (!meta.source.empty()) dc(metadata, "source", meta.source, "source-original");
  if (!a11y.print_edition.empty()) {
    dc(metadata, "source", a11y.print_edition, "source-print");
    meta_property(metadata, "source-of", "pagination", "source-print");
  }
  // EPUB 2 readers (Kindle among them) find the cover by this.
  for (const PackageFile& f : files) {
    if (f.properties == "cover-image") {
      pugi::xml_node cover = metadata.append_child("meta");
      cover.append_attribute("name") = "cover";
      cover.append_attribute("content") = f.id.c_str();
    }
  }

  pugi::xml_node manifest = package.append_child("manifest");
  for (const PackageFile& f : files) {
    pugi::xml_node item = manifest.append_child("item");
    item.append_attribute("id") = f.id.c_str();
    item.append_attribute("href") = f.href.c_str();
    item.append_attribute("media-type") = f.media_type.c_str();
    if (!f.properties.empty()) item.append_attribute("properties") = f.properties.c_str();
  }
  pugi::xml_node spine = package.append_child("spine");
  spine.append_attribute("toc") = "ncx";
  for (const PackageFile& f : files) {
    if (f.in_spine) spine.append_child("itemref").append_attribute("idref") = f.id.c_str();
  }
  return finish_document(doc, edition.variant, DocumentKind::other, edition.lang);
}

}  // namespace recto::epub
