// XHTML documents and the attributes of their elements.
#include "xhtml_writer.hpp"

#include "xml_text.hpp"

namespace recto::epub {

namespace {

bool is_right_to_left(const std::string& lang) {
  static const char* const rtl[] = {"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "syr"};
  std::string primary = lang.substr(0, lang.find('-'));
  for (const char* r : rtl) {
    if (primary == r) return true;
  }
  return false;
}

// A custom data attribute name: lower-case ASCII letters, digits, '-', '_' and '.'.
std::string data_attribute(const std::string& key) {
  std::string out = "data-";
  for (char c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') out += c;
  }
  return out;
}

}  // namespace

void set_attributes(pugi::xml_node e, const Attr& attr) {
  if (!attr.id.empty()) e.append_attribute("id") = xml_safe(attr.id).c_str();
  std::string classes;
  for (const auto& c : attr.classes) {
    // pandoc's .unnumbered and .unlisted are instructions to recto, not styles.
    if (c != "unnumbered" && c != "unlisted") classes += (classes.empty() ? "" : " ") + c;
  }
  if (!classes.empty()) e.append_attribute("class") = xml_safe(classes).c_str();
  bool has_dir = attr.get("dir") != nullptr;
  for (const auto& [key, value] : attr.kv) {
    std::string v = xml_safe(value);
    if (key == "lang") {
      e.append_attribute("lang") = v.c_str();
      e.append_attribute("xml:lang") = v.c_str();
      if (!has_dir && is_right_to_left(value)) e.append_attribute("dir") = "rtl";
    } else if (key == "dir") {
      e.append_attribute("dir") = v.c_str();
    } else if (std::string name = data_attribute(key); name.size() > 5) {
      e.append_attribute(name.c_str()) = v.c_str();
    }
  }
}

pugi::xml_node start_xhtml(pugi::xml_document& doc, const std::string& title, const std::string& lang) {
  pugi::xml_node html = doc.append_child("html");
  html.append_attribute("xmlns") = "http://www.w3.org/1999/xhtml";
  html.append_attribute("xmlns:epub") = "http://www.idpf.org/2007/ops";
  html.append_attribute("lang") = lang.c_str();
  html.append_attribute("xml:lang") = lang.c_str();
  pugi::xml_node head = html.append_child("head");
  head.append_child("meta").append_attribute("charset") = "utf-8";
  add_element(head, "title", title);
  pugi::xml_node css = head.append_child("link");
  css.append_attribute("rel") = "stylesheet";
  css.append_attribute("type") = "text/css";
  css.append_attribute("href") = "css/epub.css";
  return html.append_child("body");
}

pugi::xml_node start_back_matter(pugi::xml_document& doc, const std::string& title, const std::string& lang,
                                 const char* epub_type, const char* role) {
  pugi::xml_node body = start_xhtml(doc, title, lang);
  body.append_attribute("epub:type") = "backmatter";
  pugi::xml_node section = body.append_child("section");
  section.append_attribute("epub:type") = epub_type;
  section.append_attribute("role") = role;
  add_element(section, "h1", title);
  return section;
}

}  // namespace recto::epub
