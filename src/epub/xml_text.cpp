// XML-safe text and the one way the package's XML files are written.
#include "xml_text.hpp"

#include <algorithm>
#include <sstream>

namespace recto::epub {

namespace {

// xml_safe(text), appended to `out`.
void append_xml_safe(std::string& out, std::string_view text) {
  auto forbidden_control = [](unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; };
  // Most text has nothing to drop (the reader drops it already): appended whole.
  if (std::none_of(text.begin(), text.end(), [&](char c) {
        return forbidden_control(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) == 0xEF;
      })) {
    out += text;
    return;
  }
  out.reserve(out.size() + text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (forbidden_control(c)) continue;
    // U+FFFE and U+FFFF are EF BF BE / EF BF BF in UTF-8.
    if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[i + 2]) == 0xBE || static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
}

}  // namespace

std::string xml_safe(std::string_view text) {
  std::string out;
  append_xml_safe(out, text);
  return out;
}

void add_text(pugi::xml_node parent, std::string_view text) {
  if (text.empty()) return;
  pugi::xml_node last = parent.last_child();
  const bool joins = last && last.type() == pugi::node_pcdata;
  std::string value = joins ? last.value() : "";
  append_xml_safe(value, text);
  (joins ? last : parent.append_child(pugi::node_pcdata)).set_value(value.data(), value.size());
}

pugi::xml_node add_element(pugi::xml_node parent, const char* name, std::string_view text) {
  pugi::xml_node e = parent.append_child(name);
  add_text(e, text);
  return e;
}

namespace {

bool is_void_element(std::string_view name) {
  static constexpr std::string_view names[] = {"br", "hr", "img", "meta", "link", "col", "wbr",
                                               "area", "base", "source", "input", "itemref",
                                               "item", "rootfile", "content"};
  for (std::string_view v : names) {
    if (name == v) return true;
  }
  return false;
}

// Empty elements that are not void get an empty text child, so that they are written <a></a>.
void keep_end_tags(pugi::xml_node node) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (!child.first_child() && !is_void_element(child.name())) child.append_child(pugi::node_pcdata);
    keep_end_tags(child);
  }
}

}  // namespace

std::string serialize(pugi::xml_document& doc) {
  keep_end_tags(doc);
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out.str() + "\n";
}

}  // namespace recto::epub
