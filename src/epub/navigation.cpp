// Writing the outline as nested lists (nav) and nested navPoints (NCX).
#include "navigation.hpp"

#include <functional>

#include "terms.hpp"
#include "xhtml_writer.hpp"
#include "variant_markup.hpp"
#include "xml_text.hpp"

namespace recto::epub {

namespace {

// Calls make_child(parent, entry) for each entry, nesting deeper levels under the entry before them;
// make_child returns the node under which that entry's children go.
void nest(pugi::xml_node root, const std::vector<TocEntry>& toc,
          const std::function<pugi::xml_node(pugi::xml_node, const TocEntry&)>& make_child) {
  std::vector<int> depths = toc_depths(toc);
  std::vector<pugi::xml_node> open = {root};  // open[d]: where entries of depth d + 1 go
  for (std::size_t i = 0; i < toc.size(); ++i) {
    open.resize(static_cast<std::size_t>(depths[i]));
    open.push_back(make_child(open.back(), toc[i]));
  }
}

}  // namespace

std::vector<int> toc_depths(const std::vector<TocEntry>& toc) {
  std::vector<int> depths, levels;  // levels: of the entries open, outermost first
  for (const TocEntry& e : toc) {
    while (!levels.empty() && levels.back() >= e.level) levels.pop_back();
    levels.push_back(e.level);
    depths.push_back(static_cast<int>(levels.size()));
  }
  return depths;
}

std::vector<TocEntry> toc_within_depth(const std::vector<TocEntry>& toc, int depth) {
  std::vector<int> depths = toc_depths(toc);
  std::vector<TocEntry> kept;
  for (std::size_t i = 0; i < toc.size(); ++i) {
    if (depths[i] <= depth) kept.push_back(toc[i]);
  }
  return kept;
}

std::string nav_xhtml(const std::vector<TocEntry>& toc, const std::vector<Landmark>& landmarks,
                      const std::vector<PageListEntry>& pages, const Edition& edition) {
  pugi::xml_document doc;
  std::string contents = term(Term::contents, edition.lang);
  pugi::xml_node body = start_xhtml(doc, contents, edition.lang);
  pugi::xml_node nav = body.append_child("nav");
  nav.append_attribute("id") = "toc";
  nav.append_attribute("epub:type") = "toc";
  nav.append_attribute("role") = "doc-toc";
  add_element(nav, "h1", contents);
  pugi::xml_node top = nav.append_child("ol");
  nest(top, toc, [](pugi::xml_node parent, const TocEntry& e) {
    if (std::string(parent.name()) == "li") {
      pugi::xml_node ol = parent.child("ol");
      parent = ol ? ol : parent.append_child("ol");
    }
    pugi::xml_node li = parent.append_child("li");
    add_element(li, "a", e.title).append_attribute("href") = xml_safe(e.href).c_str();
    return li;
  });
  if (edition.variant.epub_types) {
    pugi::xml_node marks = body.append_child("nav");
    marks.append_attribute("epub:type") = "landmarks";
    marks.append_attribute("hidden") = "hidden";
    add_element(marks, "h1", term(Term::landmarks, edition.lang));
    pugi::xml_node ol = marks.append_child("ol");
    for (const Landmark& l : landmarks) {
      pugi::xml_node a = add_element(ol.append_child("li"), "a", l.title);
      a.append_attribute("epub:type") = l.type.c_str();
      a.append_attribute("href") = l.href.c_str();
    }
  }
  if (!pages.empty()) {
    pugi::xml_node list = body.append_child("nav");
    list.append_attribute("epub:type") = "page-list";
    list.append_attribute("role") = "doc-pagelist";
    list.append_attribute("hidden") = "hidden";
    add_element(list, "h1", term(Term::pages, edition.lang));
    pugi::xml_node pol = list.append_child("ol");
    for (const PageListEntry& p : pages) {
      add_element(pol.append_child("li"), "a", p.label).append_attribute("href") = p.href.c_str();
    }
  }
  return finish_document(doc, edition.variant, DocumentKind::navigation, edition.lang);
}

std::string toc_ncx(const std::vector<TocEntry>& toc, const std::string& title, const Edition& edition) {
  pugi::xml_document doc;
  pugi::xml_node ncx = doc.append_child("ncx");
  ncx.append_attribute("xmlns") = "http://www.daisy.org/z3986/2005/ncx/";
  ncx.append_attribute("version") = "2005-1";
  ncx.append_attribute("xml:lang") = edition.lang.c_str();
  pugi::xml_node head = ncx.append_child("head");
  int depth = 1;
  for (int d : toc_depths(toc)) depth = std::max(depth, d);
  for (const auto& [name, content] : std::vector<std::pair<std::string, std::string>>{
           {"dtb:uid", edition.identifier}, {"dtb:depth", std::to_string(depth)},
           {"dtb:totalPageCount", "0"}, {"dtb:maxPageNumber", "0"}}) {
    pugi::xml_node meta = head.append_child("meta");
    meta.append_attribute("name") = name.c_str();
    meta.append_attribute("content") = xml_safe(content).c_str();
  }
  add_element(ncx.append_child("docTitle"), "text", title);
  pugi::xml_node map = ncx.append_child("navMap");
  int order = 0;
  nest(map, toc, [&](pugi::xml_node parent, const TocEntry& e) {
    pugi::xml_node point = parent.append_child("navPoint");
    ++order;
    point.append_attribute("id") = ("navpoint-" + std::to_string(order)).c_str();
    point.append_attribute("playOrder") = order;
    add_element(point.append_child("navLabel"), "text", e.title);
    point.append_child("content").append_attribute("src") = xml_safe(e.href).c_str();
    return point;
  });
  return finish_document(doc, edition.variant, DocumentKind::other, edition.lang);
}

}  // namespace recto::epub
