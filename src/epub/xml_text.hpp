// Building and writing the package's XML files with pugixml, safely: no character XML cannot hold.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace recto::epub {

// The text without the characters XML 1.0 cannot hold (C0 controls other than tab, newline and
// carriage return; U+FFFE, U+FFFF); pugixml would write them as character references that no parser
// accepts.
std::string xml_safe(std::string_view text);

// Appends text (made XML-safe) to an element.
void add_text(pugi::xml_node parent, std::string_view text);

// Appends a child element with text content.
pugi::xml_node add_element(pugi::xml_node parent, const char* name, std::string_view text = {});

// The document as UTF-8 with an XML declaration, written raw (indentation would change <pre> content);
// empty elements other than void ones (br, img, …) keep an end tag (<a></a>), as HTML parsers need.
std::string serialize(pugi::xml_document& doc);

}  // namespace recto::epub
