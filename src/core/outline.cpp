// Turning the document tree into an OutlineNode tree, the shared shape of every tree dump.
#include "outline.hpp"

#include <type_traits>

namespace recto {
namespace {

template <class... Ts>
struct overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;  // clang 14 does not deduce aggregates' arguments by itself

void add_attr(OutlineNode& n, const Attr& a) {
  if (!a.id.empty()) n.fields.emplace_back("id", a.id);
  for (const auto& c : a.classes) n.fields.emplace_back("class", c);
  for (const auto& [k, v] : a.kv) n.fields.emplace_back(k, v);
}

std::vector<OutlineNode> inlines(const Inlines& xs);
std::vector<OutlineNode> blocks(const Blocks& xs);

const char* mode_name(CitationMode m) {
  switch (m) {
    case CitationMode::author_in_text: return "author-in-text";
    case CitationMode::suppress_author: return "suppress-author";
    case CitationMode::normal: break;
  }
  return "normal";
}

OutlineNode inline_node(const Inline& x) {
  OutlineNode n;
  n.span = x.span;
  std::visit(overloaded{
                 [&](const Str& s) { n.kind = "Str"; n.fields.emplace_back("", s.text); },
                 [&](const SoftBreak&) { n.kind = "SoftBreak"; },
                 [&](const LineBreak&) { n.kind = "LineBreak"; },
                 [&](const Emph& e) { n.kind = "Emph"; n.groups.emplace_back("", inlines(e.content)); },
                 [&](const Strong& e) { n.kind = "Strong"; n.groups.emplace_back("", inlines(e.content)); },
                 [&](const Strikeout& e) {
                   n.kind = "Strikeout";
                   n.groups.emplace_back("", inlines(e.content));
                 },
                 [&](const Code& c) {
                   n.kind = "Code";
                   add_attr(n, c.attr);
                   n.fields.emplace_back("", c.text);
                 },
                 [&](const Link& l) {
                   n.kind = "Link";
                   add_attr(n, l.attr);
                   n.fields.emplace_back("url", l.url);
                   if (!l.title.empty()) n.fields.emplace_back("title", l.title);
                   n.groups.emplace_back("", inlines(l.content));
                 },
                 [&](const Image& i) {
                   n.kind = "Image";
                   add_attr(n, i.attr);
                   n.fields.emplace_back("url", i.url);
                   if (!i.title.empty()) n.fields.emplace_back("title", i.title);
                   n.groups.emplace_back("", inlines(i.alt));
                 },
                 [&](const Span& s) {
                   n.kind = "Span";
                   add_attr(n, s.attr);
                   n.groups.emplace_back("", inlines(s.content));
                 },
                 [&](const RawInline& r) {
                   n.kind = "RawInline";
                   n.fields.emplace_back("format", r.format);
                   n.fields.emplace_back("", r.text);
                 },
                 [&](const Cite& c) {
                   n.kind = "Cite";
                   std::vector<OutlineNode> items;
                   for (const auto& ct : c.citations) {
                     OutlineNode ci;
                     ci.kind = "Citation";
                     ci.span = ct.span;
                     ci.fields.emplace_back("id", ct.id);
                     ci.fields.emplace_back("mode", mode_name(ct.mode));
                     if (!ct.prefix.empty()) ci.groups.emplace_back("prefix", inlines(ct.prefix));
                     if (!ct.suffix.empty()) ci.groups.emplace_back("suffix", inlines(ct.suffix));
                     items.push_back(std::move(ci));
                   }
                   n.groups.emplace_back("", std::move(items));
                 },
                 [&](const Note& note) {
                   n.kind = "Note";
                   if (note.number > 0) n.fields.emplace_back("number", std::to_string(note.number));
                   if (!note.id.empty()) n.fields.emplace_back("id", note.id);
                   if (!note.ref_id.empty()) n.fields.emplace_back("ref-id", note.ref_id);
                   n.groups.emplace_back("", blocks(note.content));
                 },
             },
             x.node);
  return n;
}

std::vector<OutlineNode> inlines(const Inlines& xs) {
  std::vector<OutlineNode> out;
  out.reserve(xs.size());
  for (const auto& x : xs) out.push_back(inline_node(x));
  return out;
}

std::vector<OutlineNode> list_items(const std::vector<Blocks>& items) {
  std::vector<OutlineNode> out;
  for (const auto& item : items) {
    OutlineNode li;
    li.kind = "Item";
    li.groups.emplace_back("", blocks(item));
    out.push_back(std::move(li));
  }
  return out;
}

const char* alignment_name(Alignment a) {
  switch (a) {
    case Alignment::left: return "left";
    case Alignment::center: return "center";
    case Alignment::right: return "right";
    case Alignment::none: break;
  }
  return "default";
}

std::vector<OutlineNode> table_rows(const std::vector<TableRow>& rows) {
  std::vector<OutlineNode> out;
  for (const auto& row : rows) {
    OutlineNode r;
    r.kind = "Row";
    std::vector<OutlineNode> cells;
    for (const auto& cell : row) {
      OutlineNode c;
      c.kind = "Cell";
      c.span = cell.span;
      c.groups.emplace_back("", inlines(cell.content));
      cells.push_back(std::move(c));
    }
    r.groups.emplace_back("", std::move(cells));
    out.push_back(std::move(r));
  }
  return out;
}

OutlineNode block_node(const Block& x) {
  OutlineNode n;
  n.span = x.span;
  std::visit(overloaded{
                 [&](const Plain& p) { n.kind = "Plain"; n.groups.emplace_back("", inlines(p.content)); },
                 [&](const Para& p) { n.kind = "Para"; n.groups.emplace_back("", inlines(p.content)); },
                 [&](const Header& h) {
                   n.kind = "Header";
                   n.fields.emplace_back("level", std::to_string(h.level));
                   add_attr(n, h.attr);
                   n.groups.emplace_back("", inlines(h.content));
                 },
                 [&](const CodeBlock& c) {
                   n.kind = "CodeBlock";
                   add_attr(n, c.attr);
                   n.fields.emplace_back("", c.text);
                 },
                 [&](const RawBlock& r) {
                   n.kind = "RawBlock";
                   n.fields.emplace_back("format", r.format);
                   n.fields.emplace_back("", r.text);
                 },
                 [&](const BlockQuote& q) {
                   n.kind = "BlockQuote";
                   n.groups.emplace_back("", blocks(q.content));
                 },
                 [&](const BulletList& l) {
                   n.kind = "BulletList";
                   n.groups.emplace_back("", list_items(l.items));
                 },
                 [&](const OrderedList& l) {
                   n.kind = "OrderedList";
                   n.fields.emplace_back("start", std::to_string(l.start));
                   n.fields.emplace_back("delimiter", std::string(1, l.delimiter));
                   n.groups.emplace_back("", list_items(l.items));
                 },
                 [&](const Div& d) {
                   n.kind = "Div";
                   add_attr(n, d.attr);
                   n.groups.emplace_back("", blocks(d.content));
                 },
                 [&](const Figure& f) {
                   n.kind = "Figure";
                   add_attr(n, f.attr);
                   n.fields.emplace_back("url", f.url);
                   if (!f.title.empty()) n.fields.emplace_back("title", f.title);
                   n.groups.emplace_back("caption", inlines(f.caption));
                 },
                 [&](const Table& t) {
                   n.kind = "Table";
                   add_attr(n, t.attr);
                   std::string aligns;
                   for (auto a : t.aligns) aligns += std::string(aligns.empty() ? "" : " ") + alignment_name(a);
                   n.fields.emplace_back("aligns", aligns);
                   n.groups.emplace_back("head", table_rows(t.head));
                   n.groups.emplace_back("body", table_rows(t.body));
                 },
                 [&](const HorizontalRule&) { n.kind = "HorizontalRule"; },
             },
             x.node);
  return n;
}

std::vector<OutlineNode> blocks(const Blocks& xs) {
  std::vector<OutlineNode> out;
  out.reserve(xs.size());
  for (const auto& x : xs) out.push_back(block_node(x));
  return out;
}

OutlineNode meta_node(const Meta& m) {
  OutlineNode n;
  n.kind = "Meta";
  auto field = [&](const char* k, const std::string& v) {
    if (!v.empty()) n.fields.emplace_back(k, v);
  };
  field("title", m.title);
  field("subtitle", m.subtitle);
  for (const auto& a : m.authors) n.fields.emplace_back("author", a);
  field("date", m.date);
  field("lang", m.lang);
  field("publisher", m.publisher);
  field("source", m.source);
  field("rights", m.rights);
  field("identifier", m.identifier);
  field("description", m.description);
  for (const auto& s : m.subjects) n.fields.emplace_back("subject", s);
  field("cover-image", m.cover_image);
  field("theme", m.theme);
  field("bibliography", m.bibliography);
  for (const auto& c : m.chapters) n.fields.emplace_back("chapter", c);
  for (const auto& [k, v] : m.extra) n.fields.emplace_back(k, v);
  return n;
}

std::string join_date(const std::vector<int>& parts) {
  std::string s;
  for (int p : parts) s += (s.empty() ? "" : "-") + std::to_string(p);
  return s;
}

OutlineNode reference_node(const Reference& r) {
  OutlineNode n;
  n.kind = "Reference";
  n.span = r.span;
  n.fields.emplace_back("id", r.id);
  n.fields.emplace_back("type", r.type);
  for (const auto& [role, names] : r.names) {
    for (const auto& nm : names) {
      std::string v = nm.literal.empty() ? nm.family + ", " + nm.given : nm.literal;
      n.fields.emplace_back(role, v);
    }
  }
  for (const auto& [k, d] : r.dates) n.fields.emplace_back(k, join_date(d));
  for (const auto& [k, v] : r.fields) n.fields.emplace_back(k, v);
  return n;
}

}  // namespace

OutlineNode outline(const Document& doc, const Sources& sources) {
  OutlineNode root;
  root.kind = "Document";
  std::vector<OutlineNode> top;
  top.push_back(meta_node(doc.meta));
  for (const auto& d : doc.divisions) {
    OutlineNode div;
    div.kind = "Division";
    div.span = d.span;
    div.fields.emplace_back("name", d.name);
    div.fields.emplace_back("file", sources.path(d.span.file));
    add_attr(div, d.attr);
    div.groups.emplace_back("", blocks(d.blocks));
    top.push_back(std::move(div));
  }
  for (const auto& r : doc.references) top.push_back(reference_node(r));
  root.groups.emplace_back("", std::move(top));
  return root;
}

}  // namespace recto
