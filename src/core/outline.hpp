// A generic view of the tree (kind, span, fields, child groups) that the text and JSON dumps print.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "source_span.hpp"
#include "tree.hpp"

namespace recto {

struct OutlineNode {
  std::string kind;
  SourceSpan span;
  std::vector<std::pair<std::string, std::string>> fields;
  // Named groups of children; the group named "" holds the node's direct content.
  std::vector<std::pair<std::string, std::vector<OutlineNode>>> groups;
};

OutlineNode outline(const Document& doc, const Sources& sources);

// `recto tree`: one node per line, indented, `Kind line:col field="value"`.
void print_outline_text(std::ostream& out, const OutlineNode& root);
// `recto tree --json`: the same nodes as JSON objects.
void print_outline_json(std::ostream& out, const OutlineNode& root);

// Quotes a string for the dumps: `"…"` with \" \\ \n \t and \u{…} for other control characters.
std::string quote_for_dump(const std::string& s);

}  // namespace recto
