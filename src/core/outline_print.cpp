// Printing an OutlineNode tree as indented text (`recto tree`) or as JSON (`recto tree --json`).
#include <cstdio>

#include "outline.hpp"
#include "string_escape.hpp"

namespace recto {
namespace {

std::string position(const SourceSpan& s) {
  return std::to_string(s.line) + ":" + std::to_string(s.col);
}

void print_text(std::ostream& out, const OutlineNode& n, int depth) {
  out << std::string(static_cast<std::size_t>(depth) * 2, ' ') << n.kind;
  if (n.span.line > 0) out << ' ' << position(n.span);
  for (const auto& [k, v] : n.fields) {
    out << ' ';
    if (!k.empty()) out << k << '=';
    out << quote_for_dump(v);
  }
  out << '\n';
  for (const auto& [name, children] : n.groups) {
    int child_depth = depth + 1;
    if (!name.empty()) {
      out << std::string(static_cast<std::size_t>(depth + 1) * 2, ' ') << name << ":\n";
      child_depth = depth + 2;
    }
    for (const auto& c : children) print_text(out, c, child_depth);
  }
}

void print_json(std::ostream& out, const OutlineNode& n) {
  out << "{\"kind\":\"" << n.kind << '"';
  if (n.span.line > 0) out << ",\"line\":" << n.span.line << ",\"col\":" << n.span.col;
  if (!n.fields.empty()) {
    out << ",\"fields\":[";
    bool first = true;
    for (const auto& [k, v] : n.fields) {
      out << (first ? "" : ",") << "[\"" << escaped(k, true) << "\",\"" << escaped(v, true) << "\"]";
      first = false;
    }
    out << ']';
  }
  for (const auto& [name, children] : n.groups) {
    out << ",\"" << (name.empty() ? "content" : name) << "\":[";
    bool first = true;
    for (const auto& c : children) {
      if (!first) out << ',';
      print_json(out, c);
      first = false;
    }
    out << ']';
  }
  out << '}';
}

}  // namespace

std::string quote_for_dump(const std::string& s) { return '"' + escaped(s, false) + '"'; }

void print_outline_text(std::ostream& out, const OutlineNode& root) { print_text(out, root, 0); }

void print_outline_json(std::ostream& out, const OutlineNode& root) {
  print_json(out, root);
  out << '\n';
}

}  // namespace recto
