// The one file that talks to cmark-gfm: parses CommonMark + GFM and converts its nodes to the tree.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <cmark-gfm/node.h>  // footnote references link to their definition only through node fields

#include <cstring>
#include <memory>
#include <mutex>
#include <string>

#include "input_limits.hpp"
#include "markdown.hpp"

namespace recto {
namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

constexpr int kOptions = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE |
                         CMARK_OPT_UNSAFE;

std::string literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? s : "";
}

// A footnote reference's label as written ("a" for [^a]): its definition keeps it (the reference's own
// literal becomes the note's number).
std::string footnote_label(cmark_node* reference) {
  const cmark_node* def = reference->parent_footnote_def;
  if (!def) return literal(reference);
  return std::string(reinterpret_cast<const char*>(def->as.literal.data), static_cast<std::size_t>(def->as.literal.len));
}

std::string type_string(cmark_node* n) {
  const char* s = cmark_node_get_type_string(n);
  return s ? s : "";
}

class Converter {
 public:
  explicit Converter(FileId file) : file_(file) {}

  Blocks blocks(cmark_node* parent, bool tight = false) {
    Blocks out;
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
      block(c, tight, out);
    }
    return out;
  }

 private:
  SourceSpan span(cmark_node* n) const {
    // Byte column for now; read_markdown turns it into a character column.
    return SourceSpan{file_, static_cast<std::uint32_t>(cmark_node_get_start_line(n)),
                      static_cast<std::uint32_t>(cmark_node_get_start_column(n))};
  }

  void block(cmark_node* n, bool tight, Blocks& out) {
    SourceSpan at = span(n);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH:
        if (tight) {
          out.push_back({Plain{inlines(n)}, at});
        } else {
          out.push_back({Para{inlines(n)}, at});
        }
        return;
      case CMARK_NODE_HEADING:
        out.push_back({Header{cmark_node_get_heading_level(n), {}, inlines(n)}, at});
        return;
      case CMARK_NODE_CODE_BLOCK: {
        CodeBlock code;
        std::string info = cmark_node_get_fence_info(n) ? cmark_node_get_fence_info(n) : "";
        auto sp = info.find_first_of(" \t");
        std::string lang = info.substr(0, sp);
        if (!lang.empty()) code.attr.classes.push_back(lang);
        code.text = literal(n);
        if (!code.text.empty() && code.text.back() == '\n') code.text.pop_back();
        out.push_back({std::move(code), at});
        return;
      }
      case CMARK_NODE_HTML_BLOCK: {
        std::string html = literal(n);
        while (!html.empty() && html.back() == '\n') html.pop_back();
        out.push_back({RawBlock{"html", html}, at});
        return;
      }
      case CMARK_NODE_BLOCK_QUOTE:
        out.push_back({BlockQuote{blocks(n)}, at});
        return;
      case CMARK_NODE_LIST: {
        bool is_tight = cmark_node_get_list_tight(n) != 0;
        std::vector<Blocks> items;
        for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
          items.push_back(blocks(item, is_tight));
        }
        if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) {
          char delim = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ')' : '.';
          out.push_back({OrderedList{cmark_node_get_list_start(n), delim, std::move(items)}, at});
        } else {
          out.push_back({BulletList{std::move(items)}, at});
        }
        return;
      }
      case CMARK_NODE_THEMATIC_BREAK:
        out.push_back({HorizontalRule{}, at});
        return;
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        return;  // moved into the Note at its reference
      default:
        break;
    }
    if (type_string(n) == "table") {
      out.push_back({table(n), at});
      return;
    }
    // Any other block kind (none in cmark-gfm's GFM set): keep its text rather than lose it.
    out.push_back({Para{inlines(n)}, at});
  }

  Table table(cmark_node* n) {
    Table t;
    uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
    uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(n);
    for (uint16_t i = 0; i < columns; ++i) {
      switch (aligns ? aligns[i] : 0) {
        case 'l': t.aligns.push_back(Alignment::left); break;
        case 'c': t.aligns.push_back(Alignment::center); break;
        case 'r': t.aligns.push_back(Alignment::right); break;
        default: t.aligns.push_back(Alignment::none);
      }
    }
    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
      TableRow cells;
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        cells.push_back({inlines(cell), span(cell)});
      }
      if (cmark_gfm_extensions_get_table_row_is_header(row)) {
        t.head.push_back(std::move(cells));
      } else {
        t.body.push_back(std::move(cells));
      }
    }
    return t;
  }

  Inlines inlines(cmark_node* parent) {
    Inlines out;
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
      inline_node(c, out);
    }
    return out;
  }

  void inline_node(cmark_node* n, Inlines& out) {
    SourceSpan at{file_, 0, 0};  // inline positions are computed from the source afterwards
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
        out.push_back({Str{literal(n)}, at});
        return;
      case CMARK_NODE_SOFTBREAK:
        out.push_back({SoftBreak{}, at});
        return;
      case CMARK_NODE_LINEBREAK:
        out.push_back({LineBreak{}, at});
        return;
      case CMARK_NODE_CODE:
        out.push_back({Code{{}, literal(n)}, at});
        return;
      case CMARK_NODE_HTML_INLINE:
        out.push_back({RawInline{"html", literal(n)}, at});
        return;
      case CMARK_NODE_EMPH:
        out.push_back({Emph{inlines(n)}, at});
        return;
      case CMARK_NODE_STRONG:
        out.push_back({Strong{inlines(n)}, at});
        return;
      case CMARK_NODE_LINK: {
        const char* url = cmark_node_get_url(n);
        const char* title = cmark_node_get_title(n);
        out.push_back({Link{{}, inlines(n), url ? url : "", title ? title : ""}, at});
        return;
      }
      case CMARK_NODE_IMAGE: {
        const char* url = cmark_node_get_url(n);
        const char* title = cmark_node_get_title(n);
        out.push_back({Image{{}, inlines(n), url ? url : "", title ? title : ""}, at});
        return;
      }
      case CMARK_NODE_FOOTNOTE_REFERENCE: {
        // As in pandoc's commonmark_x, a note cannot hold a note: a reference inside one stays text
        // (and a note that refers to itself is no endless recursion).
        if (in_note_) {
          out.push_back({Str{"[^" + footnote_label(n) + "]"}, at});
          return;
        }
        Blocks content;
        if (n->parent_footnote_def) {
          in_note_ = true;
          content = blocks(n->parent_footnote_def);
          in_note_ = false;
        }
        out.push_back({Note{std::move(content), 0, {}, {}}, at});
        return;
      }
      default:
        break;
    }
    if (type_string(n) == "strikethrough") {
      out.push_back({Strikeout{inlines(n)}, at});
      return;
    }
    Inlines children = inlines(n);
    out.insert(out.end(), children.begin(), children.end());
  }

  FileId file_;
  bool in_note_ = false;  // converting a footnote's content
};

void attach(cmark_parser* parser, const char* name) {
  if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
    cmark_parser_attach_syntax_extension(parser, ext);
  }
}

}  // namespace

namespace {

// The first node nested deeper than max_nesting, found without recursion; null when none is.
cmark_node* too_deep(cmark_node* doc) {
  std::unique_ptr<cmark_iter, void (*)(cmark_iter*)> iter(cmark_iter_new(doc), cmark_iter_free);
  int depth = -1;  // the document itself does not count
  for (cmark_event_type e; (e = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(iter.get());
    bool leaf = n && cmark_node_first_child(n) == nullptr;
    if (e == CMARK_EVENT_ENTER && !leaf && ++depth > max_nesting) return n;
    if (e == CMARK_EVENT_EXIT) --depth;
  }
  return nullptr;
}

}  // namespace

Blocks parse_commonmark(std::string_view text, FileId file, Diagnostics& diags) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

  // cmark-gfm keeps the inline parser's special characters in one table for the process, which the
  // extensions change around every parse: one parse at a time. Reading the nodes needs no lock.
  static std::mutex parsing;
  std::unique_ptr<cmark_node, NodeDeleter> doc;
  {
    std::lock_guard<std::mutex> lock(parsing);
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(kOptions));
    for (const char* ext : {"table", "strikethrough", "autolink"}) attach(parser.get(), ext);
    cmark_parser_feed(parser.get(), text.data(), text.size());
    doc.reset(cmark_parser_finish(parser.get()));
  }

  if (cmark_node* deep = too_deep(doc.get())) {
    // A node with no position of its own (inlines) takes its block's.
    cmark_node* placed = deep;
    while (placed && cmark_node_get_start_line(placed) == 0) placed = cmark_node_parent(placed);
    int line = placed ? cmark_node_get_start_line(placed) : 1;
    diags.error({file, static_cast<std::uint32_t>(line), 1}, "input-limit",
                "blocks or inlines nested more than " + std::to_string(max_nesting) +
                    " deep: the chapter is not read",
                "nest quotes, lists and emphasis less deeply");
    return {};
  }
  Converter converter(file);
  return converter.blocks(doc.get());
}

}  // namespace recto
