// Parsing raw HTML pieces with pugixml: whole blocks as fragments, inline tags one element at a time.
#include "raw_html.hpp"

#include <cctype>

namespace recto::epub {

namespace {

bool is_void(const std::string& name) {
  for (const char* v : {"br", "hr", "img", "wbr", "col", "area", "source"}) {
    if (name == v) return true;
  }
  return false;
}

void append_copies(pugi::xml_node parent, const pugi::xml_node& from) {
  for (pugi::xml_node child : from.children()) parent.append_copy(child);
}

}  // namespace

bool append_raw_html_block(pugi::xml_node parent, const std::string& html) {
  pugi::xml_document fragment;
  if (!fragment.load_string(html.c_str(), pugi::parse_default | pugi::parse_fragment)) return false;
  append_copies(parent, fragment);
  return true;
}

RawTag classify_raw_tag(const std::string& html) {
  RawTag tag;
  if (html.rfind("<!--", 0) == 0) {
    tag.kind = RawTag::comment;
    return tag;
  }
  std::size_t i = 1;
  bool closing = html.size() > 1 && html[1] == '/';
  if (closing) ++i;
  while (i < html.size() && std::isalnum(static_cast<unsigned char>(html[i]))) {
    tag.name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i])));
    ++i;
  }
  if (html.empty() || html[0] != '<' || tag.name.empty() || html.back() != '>') return tag;
  bool self_closing = html.size() >= 2 && html[html.size() - 2] == '/';
  if (closing) tag.kind = RawTag::close;
  else if (self_closing || is_void(tag.name)) tag.kind = RawTag::empty;
  else tag.kind = RawTag::open;
  return tag;
}

pugi::xml_node append_raw_element(pugi::xml_node parent, const std::string& tag) {
  RawTag t = classify_raw_tag(tag);
  std::string xml = tag;
  if (t.kind == RawTag::empty && xml.size() >= 2 && xml[xml.size() - 2] != '/') {
    xml.insert(xml.size() - 1, "/");
  } else if (t.kind == RawTag::open) {
    xml += "</" + t.name + ">";
  }
  pugi::xml_document fragment;
  if (!fragment.load_string(xml.c_str(), pugi::parse_default | pugi::parse_fragment)) return {};
  pugi::xml_node element = fragment.first_child();
  if (element.type() != pugi::node_element || element.next_sibling()) return {};
  return parent.append_copy(element);
}

}  // namespace recto::epub
