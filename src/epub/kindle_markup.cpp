// Plainer markup for Send to Kindle: epub:type attributes and word joiners taken out of the DOM.
#include "kindle_markup.hpp"

#include <string>
#include <string_view>

namespace recto::epub {

namespace {

constexpr std::string_view word_joiner = "\u2060";

// Calls f on every element below node, in document order.
template <typename F>
void each_element(pugi::xml_node node, F&& f) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    f(child);
    each_element(child, f);
  }
}

bool required_epub_type(pugi::xml_node element, pugi::xml_attribute type) {
  return std::string_view(element.name()) == "nav" && std::string_view(type.value()) == "toc";
}

bool has_epub_attribute(pugi::xml_node node) {
  bool found = false;
  each_element(node, [&](pugi::xml_node e) {
    for (pugi::xml_attribute a : e.attributes()) found = found || std::string_view(a.name()).rfind("epub:", 0) == 0;
  });
  return found;
}

std::string without_word_joiners(std::string_view text) {
  std::string out;
  for (std::size_t at = 0;;) {
    std::size_t next = text.find(word_joiner, at);
    out.append(text.substr(at, next - at));
    if (next == std::string_view::npos) return out;
    at = next + word_joiner.size();
  }
}

void remove_word_joiners_below(pugi::xml_node node) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      if (std::string_view(child.value()).find(word_joiner) != std::string_view::npos) {
        child.set_value(without_word_joiners(child.value()).c_str());
      }
    } else if (child.type() == pugi::node_element) {
      for (pugi::xml_attribute a : child.attributes()) {
        if (std::string_view(a.value()).find(word_joiner) != std::string_view::npos) {
          a.set_value(without_word_joiners(a.value()).c_str());
        }
      }
      remove_word_joiners_below(child);
    }
  }
}

}  // namespace

void remove_epub_types(pugi::xml_document& doc) {
  each_element(doc, [](pugi::xml_node e) {
    pugi::xml_attribute type = e.attribute("epub:type");
    if (type && !required_epub_type(e, type)) e.remove_attribute(type);
  });
  pugi::xml_node root = doc.document_element();
  if (pugi::xml_attribute ns = root.attribute("xmlns:epub"); ns && !has_epub_attribute(doc)) root.remove_attribute(ns);
}

void remove_word_joiners(pugi::xml_document& doc) { remove_word_joiners_below(doc); }

}  // namespace recto::epub
