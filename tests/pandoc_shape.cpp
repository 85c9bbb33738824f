// The shape of recto's tree and of pandoc's JSON AST, written the same way so that they compare.
#include "pandoc_shape.hpp"

#include <functional>

#include "tree_walk.hpp"

using nlohmann::json;

namespace recto::test {

namespace {

const std::string nbsp = "\u00a0";

std::string attr_shape(const std::string& id, const std::vector<std::string>& classes,
                       const std::vector<std::pair<std::string, std::string>>& kv) {
  std::string out;
  if (!id.empty()) out += " #" + id;
  for (const auto& c : classes) out += " ." + c;
  for (const auto& [k, v] : kv) out += " " + k + "=\"" + v + "\"";
  return out;
}

// pandoc's AST has one Space for any run of spaces; recto keeps the text as written.
std::string single_spaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' || out.empty() || out.back() != ' ') out += c;
  }
  return out;
}

// pandoc drops the final newline of a code block; recto keeps cmark-gfm's literal.
std::string without_final_newline(const std::string& text) {
  return !text.empty() && text.back() == '\n' ? text.substr(0, text.size() - 1) : text;
}

std::string indent(int depth) { return std::string(2 * depth, ' '); }

std::string escape_code(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out;
}

std::string trim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  size_t start = s.find_first_not_of(' ');
  return start == std::string::npos ? std::string() : s.substr(start);
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

const char* align_name(Alignment a) {
  switch (a) {
    case Alignment::left: return "L";
    case Alignment::center: return "C";
    case Alignment::right: return "R";
    case Alignment::none: break;
  }
  return "D";
}

const char* mode_name(CitationMode m) {
  switch (m) {
    case CitationMode::author_in_text: return "AuthorInText";
    case CitationMode::suppress_author: return "SuppressAuthor";
    case CitationMode::normal: break;
  }
  return "NormalCitation";
}

// ---- recto's tree ----

std::string blocks_shape(const Blocks& blocks, int depth);

std::string inlines_shape(const Inlines& xs, int depth) {
  std::string out;
  for (const Inline& x : xs) {
    std::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, Str>) out += single_spaces(n.text);
          else if constexpr (std::is_same_v<T, SoftBreak>) out += "⟦br⟧";
          else if constexpr (std::is_same_v<T, LineBreak>) out += "⟦LineBreak⟧";
          else if constexpr (std::is_same_v<T, Emph>) out += "⟦Emph " + inlines_shape(n.content, depth) + "⟧";
          else if constexpr (std::is_same_v<T, Strong>) out += "⟦Strong " + inlines_shape(n.content, depth) + "⟧";
          else if constexpr (std::is_same_v<T, Strikeout>)
            out += "⟦Strikeout " + inlines_shape(n.content, depth) + "⟧";
          else if constexpr (std::is_same_v<T, Code>)
            out += "⟦Code" + attr_shape(n.attr.id, n.attr.classes, n.attr.kv) + " `" + n.text + "`⟧";
          else if constexpr (std::is_same_v<T, Link>)
            out += "⟦Link" + attr_shape(n.attr.id, n.attr.classes, n.attr.kv) + " <" + n.url + "> \"" + n.title +
                   "\" " + inlines_shape(n.content, depth) + "⟧";
          else if constexpr (std::is_same_v<T, Image>)
            out += "⟦Image" + attr_shape(n.attr.id, n.attr.classes, n.attr.kv) + " <" + n.url + "> \"" + n.title +
                   "\" " + inlines_shape(n.alt, depth) + "⟧";
          else if constexpr (std::is_same_v<T, Span>)
            out += "⟦Span" + attr_shape(n.attr.id, n.attr.classes, n.attr.kv) + " " +
                   inlines_shape(n.content, depth) + "⟧";
          else if constexpr (std::is_same_v<T, RawInline>) out += "⟦Raw " + n.format + " " + n.text + "⟧";
          else if constexpr (std::is_same_v<T, Cite>) out += "⟦Cite⟧";
          else if constexpr (std::is_same_v<T, Note>) out += "⟦Note\n" + blocks_shape(n.content, depth + 1) + "⟧";
        },
        x.node);
  }
  return out;
}

std::string figure_image(const Figure& f, int depth, const std::string& title_prefix = "") {
  return "⟦Image" + attr_shape(f.attr.id, f.attr.classes, f.attr.kv) + " <" + f.url + "> \"" + title_prefix +
         f.title + "\" " + inlines_shape(f.caption, depth) + "⟧";
}

std::string row_shape(const TableRow& row, int depth) {
  std::string out = indent(depth) + "Row";
  for (const TableCell& cell : row) out += " | " + inlines_shape(cell.content, depth);
  return out + "\n";
}

std::string block_shape(const Block& b, int depth) {
  std::string pad = indent(depth);
  return std::visit(
      [&](const auto& n) -> std::string {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, Plain>) return pad + "Plain " + inlines_shape(n.content, depth) + "\n";
        else if constexpr (std::is_same_v<T, Para>) return pad + "Para " + inlines_shape(n.content, depth) + "\n";
        else if constexpr (std::is_same_v<T, Header>)
          return pad + "Header " + std::to_string(n.level) + attr_shape(n.attr.id, n.attr.classes, n.attr.kv) +
                 " " + inlines_shape(n.content, depth) + "\n";
        else if constexpr (std::is_same_v<T, CodeBlock>)
          return pad + "CodeBlock" + attr_shape(n.attr.id, n.attr.classes, n.attr.kv) + " " +
                 escape_code(without_final_newline(n.text)) + "\n";
        else if constexpr (std::is_same_v<T, RawBlock>)
          return pad + "RawBlock " + n.format + " " + escape_code(n.text) + "\n";
        else if constexpr (std::is_same_v<T, BlockQuote>) return pad + "BlockQuote\n" + blocks_shape(n.content, depth + 1);
        else if constexpr (std::is_same_v<T, BulletList>) {
          std::string out = pad + "BulletList\n";
          for (const Blocks& item : n.items) out += pad + "- Item\n" + blocks_shape(item, depth + 1);
          return out;
        } else if constexpr (std::is_same_v<T, OrderedList>) {
          std::string out = pad + "OrderedList " + std::to_string(n.start) + " " + n.delimiter + "\n";
          for (const Blocks& item : n.items) out += pad + "- Item\n" + blocks_shape(item, depth + 1);
          return out;
        } else if constexpr (std::is_same_v<T, Div>)
          return pad + "Div" + attr_shape(n.attr.id, n.attr.classes, n.attr.kv) + "\n" +
                 blocks_shape(n.content, depth + 1);
        else if constexpr (std::is_same_v<T, Figure>)
          // pandoc 2.17 has no Figure block, and its commonmark reader no implicit figures: the
          // paragraph holding one image is what it gives (figures_of compares with markdown's).
          return pad + "Para " + figure_image(n, depth) + "\n";
        else if constexpr (std::is_same_v<T, Table>) {
          std::string out = pad + "Table";
          for (Alignment a : n.aligns) out += std::string(" ") + align_name(a);
          out += "\n" + pad + "Head\n";
          for (const TableRow& row : n.head) out += row_shape(row, depth + 1);
          out += pad + "Body\n";
          for (const TableRow& row : n.body) out += row_shape(row, depth + 1);
          return out;
        } else return pad + "HorizontalRule\n";
      },
      b.node);
}

std::string blocks_shape(const Blocks& blocks, int depth) {
  std::string out;
  for (const Block& b : blocks) out += block_shape(b, depth);
  return out;
}

// ---- pandoc's JSON AST (API 1.22) ----

std::string pandoc_blocks_shape(const json& blocks, int depth);

std::string pandoc_attr(const json& attr) {
  std::vector<std::string> classes = attr[1].get<std::vector<std::string>>();
  std::vector<std::pair<std::string, std::string>> kv;
  for (const json& pair : attr[2]) kv.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
  return attr_shape(attr[0].get<std::string>(), classes, kv);
}

std::string pandoc_inlines_shape(const json& xs, int depth) {
  std::string out;
  for (const json& x : xs) {
    const std::string t = x["t"];
    const json& c = x.contains("c") ? x["c"] : json();
    if (t == "Str") out += c.get<std::string>();
    else if (t == "Space") out += " ";
    else if (t == "SoftBreak") out += "⟦br⟧";
    else if (t == "LineBreak") out += "⟦LineBreak⟧";
    else if (t == "Emph" || t == "Strong" || t == "Strikeout" || t == "Underline" || t == "SmallCaps" ||
             t == "Superscript" || t == "Subscript")
      out += "⟦" + t + " " + pandoc_inlines_shape(c, depth) + "⟧";
    else if (t == "Quoted") {
      // recto's reader makes smart quotes as characters, as cmark-gfm does.
      bool single = c[0]["t"] == "SingleQuote";
      out += (single ? "‘" : "“") + pandoc_inlines_shape(c[1], depth) + (single ? "’" : "”");
    } else if (t == "Code") out += "⟦Code" + pandoc_attr(c[0]) + " `" + c[1].get<std::string>() + "`⟧";
    else if (t == "Link" || t == "Image")
      out += "⟦" + t + pandoc_attr(c[0]) + " <" + c[2][0].get<std::string>() + "> \"" +
             c[2][1].get<std::string>() + "\" " + pandoc_inlines_shape(c[1], depth) + "⟧";
    else if (t == "Span") out += "⟦Span" + pandoc_attr(c[0]) + " " + pandoc_inlines_shape(c[1], depth) + "⟧";
    else if (t == "RawInline") out += "⟦Raw " + c[0].get<std::string>() + " " + c[1].get<std::string>() + "⟧";
    else if (t == "Cite") out += "⟦Cite⟧";
    else if (t == "Note") out += "⟦Note\n" + pandoc_blocks_shape(c, depth + 1) + "⟧";
    else out += "⟦" + t + " " + c.dump() + "⟧";  // Math and anything else: shown, so that it differs
  }
  return out;
}

std::string pandoc_cell_shape(const json& blocks, int depth) {
  if (blocks.empty()) return "";
  if (blocks.size() == 1 && blocks[0]["t"] == "Plain") return pandoc_inlines_shape(blocks[0]["c"], depth);
  return pandoc_blocks_shape(blocks, depth + 1);
}

std::string pandoc_rows_shape(const json& rows, int depth) {
  std::string out;
  for (const json& row : rows) {
    out += indent(depth) + "Row";
    for (const json& cell : row[1]) out += " | " + pandoc_cell_shape(cell[4], depth);
    out += "\n";
  }
  return out;
}

std::string pandoc_align(const json& a) {
  const std::string t = a["t"];
  return t == "AlignLeft" ? "L" : t == "AlignCenter" ? "C" : t == "AlignRight" ? "R" : "D";
}

std::string pandoc_block_shape(const json& b, int depth) {
  const std::string pad = indent(depth);
  const std::string t = b["t"];
  const json& c = b.contains("c") ? b["c"] : json();
  if (t == "Plain" || t == "Para") return pad + t + " " + pandoc_inlines_shape(c, depth) + "\n";
  if (t == "Header")
    return pad + "Header " + std::to_string(c[0].get<int>()) + pandoc_attr(c[1]) + " " +
           pandoc_inlines_shape(c[2], depth) + "\n";
  if (t == "CodeBlock") return pad + "CodeBlock" + pandoc_attr(c[0]) + " " + escape_code(c[1]) + "\n";
  if (t == "RawBlock")  // pandoc keeps a raw HTML block's final newline; recto's block ends at its text
    return pad + "RawBlock " + c[0].get<std::string>() + " " + escape_code(without_final_newline(c[1])) + "\n";
  if (t == "BlockQuote") return pad + "BlockQuote\n" + pandoc_blocks_shape(c, depth + 1);
  if (t == "BulletList" || t == "OrderedList") {
    std::string out = pad + t;
    const json& items = t == "BulletList" ? c : c[1];
    if (t == "OrderedList")
      out += " " + std::to_string(c[0][0].get<int>()) + (c[0][2]["t"] == "OneParen" ? " )" : " .");
    out += "\n";
    for (const json& item : items) out += pad + "- Item\n" + pandoc_blocks_shape(item, depth + 1);
    return out;
  }
  if (t == "Div") return pad + "Div" + pandoc_attr(c[0]) + "\n" + pandoc_blocks_shape(c[1], depth + 1);
  if (t == "Table") {
    std::string out = pad + "Table";
    for (const json& spec : c[2]) out += " " + pandoc_align(spec[0]);
    out += "\n" + pad + "Head\n" + pandoc_rows_shape(c[3][1], depth + 1) + pad + "Body\n";
    for (const json& body : c[4]) out += pandoc_rows_shape(body[3], depth + 1);
    return out;
  }
  if (t == "HorizontalRule") return pad + "HorizontalRule\n";
  return pad + t + " " + c.dump() + "\n";  // DefinitionList, LineBlock, …: shown, so that they differ
}

std::string pandoc_blocks_shape(const json& blocks, int depth) {
  std::string out;
  for (const json& b : blocks) out += pandoc_block_shape(b, depth);
  return out;
}

// Calls f on every JSON object with a "t" tag, parents first, in document order.
void walk_pandoc(const json& node, const std::function<void(const json&)>& f) {
  if (node.is_object() && node.contains("t")) f(node);
  if (node.is_object()) {
    if (node.contains("c")) walk_pandoc(node["c"], f);
    if (node.contains("citationPrefix")) walk_pandoc(node["citationPrefix"], f);
    if (node.contains("citationSuffix")) walk_pandoc(node["citationSuffix"], f);
  } else if (node.is_array()) {
    for (const json& child : node) walk_pandoc(child, f);
  }
}

// pandoc's markdown reader puts a no-break space after abbreviations such as "p."; recto keeps the
// space as written and adds the no-break space when it renders the note (resolve/).
std::string citation_text(const std::string& shape) { return trim(replace_all(shape, nbsp, " ")); }

}  // namespace

std::string shape_of(const Blocks& blocks) { return blocks_shape(blocks, 0); }

std::string shape_of_pandoc(const json& blocks) { return pandoc_blocks_shape(blocks, 0); }

std::vector<std::string> citations_of(const Blocks& blocks) {
  std::vector<std::string> out;
  Blocks copy = blocks;
  walk_inlines(copy, [&](Inline& x) {
    if (const Cite* cite = std::get_if<Cite>(&x.node)) {
      for (const Citation& c : cite->citations) {
        out.push_back("@" + c.id + " " + mode_name(c.mode) + " | " + citation_text(inlines_shape(c.prefix, 0)) +
                      " | " + citation_text(inlines_shape(c.suffix, 0)));
      }
    }
  });
  return out;
}

std::vector<std::string> pandoc_citations(const json& blocks) {
  std::vector<std::string> out;
  walk_pandoc(blocks, [&](const json& x) {
    if (x["t"] != "Cite") return;
    for (const json& c : x["c"][0]) {
      out.push_back("@" + c["citationId"].get<std::string>() + " " + c["citationMode"]["t"].get<std::string>() +
                    " | " + citation_text(pandoc_inlines_shape(c["citationPrefix"], 0)) + " | " +
                    citation_text(pandoc_inlines_shape(c["citationSuffix"], 0)));
    }
  });
  return out;
}

std::vector<std::string> pandoc_cite_literals(const json& blocks) {
  std::vector<std::string> out;
  walk_pandoc(blocks, [&](const json& x) {
    if (x["t"] != "Cite") return;
    std::string text;
    walk_pandoc(x["c"][1], [&](const json& y) {
      if (y["t"] == "Str") text += y["c"].get<std::string>();
      else if (y["t"] == "Space" || y["t"] == "SoftBreak") text += " ";
    });
    out.push_back(text);
  });
  return out;
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// The end of `literal` matched at `at` in `text`, where a space in the literal matches any run of
// white space (pandoc's literal is the source with its white space tokenised), or npos.
size_t match_end(const std::string& text, size_t at, const std::string& literal) {
  size_t i = at;
  for (size_t j = 0; j < literal.size(); ++j) {
    if (literal[j] == ' ') {
      if (i >= text.size() || !is_space(text[i])) return std::string::npos;
      while (i < text.size() && is_space(text[i])) ++i;
    } else if (i < text.size() && text[i] == literal[j]) {
      ++i;
    } else {
      return std::string::npos;
    }
  }
  return i;
}

}  // namespace

std::string mask_citations(std::string source, const std::vector<std::string>& literals) {
  for (const std::string& literal : literals) {
    for (size_t at = source.find(literal.substr(0, 1)); at != std::string::npos;
         at = source.find(literal.substr(0, 1), at + 1)) {
      size_t end = match_end(source, at, literal);
      if (end == std::string::npos) continue;
      source.replace(at, end - at, "⟦Cite⟧");
      break;
    }
  }
  return source;
}

std::vector<std::string> header_ids_of(const Blocks& blocks) {
  std::vector<std::string> out;
  Blocks copy = blocks;
  walk_blocks(copy, [&](Block& b) {
    if (const Header* h = std::get_if<Header>(&b.node)) out.push_back("h" + std::to_string(h->level) + " #" + h->attr.id);
  });
  return out;
}

std::vector<std::string> figures_of(const Blocks& blocks) {
  std::vector<std::string> out;
  Blocks copy = blocks;
  walk_blocks(copy, [&](Block& b) {
    if (const Figure* f = std::get_if<Figure>(&b.node)) out.push_back(figure_image(*f, 0, "fig:"));
  });
  return out;
}

std::vector<std::string> pandoc_figures(const json& blocks) {
  std::vector<std::string> out;
  walk_pandoc(blocks, [&](const json& x) {
    if (x["t"] != "Para" || x["c"].size() != 1 || x["c"][0]["t"] != "Image") return;
    std::string image = pandoc_inlines_shape(x["c"], 0);
    if (image.find("\"fig:") != std::string::npos) out.push_back(image);
  });
  return out;
}

std::vector<std::string> pandoc_header_ids(const json& blocks) {
  std::vector<std::string> out;
  walk_pandoc(blocks, [&](const json& x) {
    if (x["t"] == "Header") out.push_back("h" + std::to_string(x["c"][0].get<int>()) + " #" + x["c"][1][0].get<std::string>());
  });
  return out;
}

}  // namespace recto::test
