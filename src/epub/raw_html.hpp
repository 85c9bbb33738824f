// Raw HTML from the manuscript, kept where it is well-formed XHTML.
#pragma once

#include <pugixml.hpp>
#include <string>

namespace recto::epub {

// Parses an HTML block as an XHTML fragment and appends its nodes; false (nothing appended) when it
// is not well-formed.
bool append_raw_html_block(pugi::xml_node parent, const std::string& html);

// What one inline piece of raw HTML is.
struct RawTag {
  enum Kind { open, close, empty, comment, other } kind = other;
  std::string name;  // element name, lower case
};
RawTag classify_raw_tag(const std::string& html);

// The element an opening or empty tag makes, appended to parent; null when it does not parse.
pugi::xml_node append_raw_element(pugi::xml_node parent, const std::string& tag);

}  // namespace recto::epub
