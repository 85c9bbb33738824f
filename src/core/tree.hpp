// The document tree: plain values named as pandoc names them, each node with its source span.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "source_span.hpp"

namespace recto {

// Identifier, classes and key-value pairs, as pandoc's Attr.
struct Attr {
  std::string id;
  std::vector<std::string> classes;
  std::vector<std::pair<std::string, std::string>> kv;

  bool empty() const { return id.empty() && classes.empty() && kv.empty(); }
  bool has_class(const std::string& c) const;
  const std::string* get(const std::string& key) const;
  friend bool operator==(const Attr&, const Attr&) = default;
};

struct Inline;
struct Block;
using Inlines = std::vector<Inline>;
using Blocks = std::vector<Block>;

// ---- inline nodes ----
struct Str { std::string text; };  // a run of text, spaces included
struct SoftBreak {};
struct LineBreak {};
struct Emph { Inlines content; };
struct Strong { Inlines content; };
struct Strikeout { Inlines content; };
struct Code { Attr attr; std::string text; };
struct Link { Attr attr; Inlines content; std::string url, title; };
struct Image { Attr attr; Inlines alt; std::string url, title; };
struct Span { Attr attr; Inlines content; };
struct RawInline { std::string format, text; };

enum class CitationMode { normal, author_in_text, suppress_author };

struct Citation {
  std::string id;
  Inlines prefix;
  Inlines suffix;  // as written, locator included (", p. 4"); resolve/ parses it
  CitationMode mode = CitationMode::normal;
  SourceSpan span;  // of the '@'
};

struct Cite { std::vector<Citation> citations; };
// A footnote; resolve/ numbers it and gives it its id ("note-N") and its reference's id ("noteref-N").
struct Note {
  Blocks content;
  int number = 0;
  std::string id, ref_id;
};

using InlineNode = std::variant<Str, SoftBreak, LineBreak, Emph, Strong, Strikeout, Code, Link, Image,
                                Span, RawInline, Cite, Note>;

struct Inline {
  InlineNode node;
  SourceSpan span;
};

// ---- block nodes ----
struct Plain { Inlines content; };  // text without paragraph spacing (tight list items, table cells)
struct Para { Inlines content; };
struct Header { int level = 1; Attr attr; Inlines content; };
struct CodeBlock { Attr attr; std::string text; };
struct RawBlock { std::string format, text; };
struct BlockQuote { Blocks content; };
struct BulletList { std::vector<Blocks> items; };
struct OrderedList { int start = 1; char delimiter = '.'; std::vector<Blocks> items; };
struct Div { Attr attr; Blocks content; };
struct Figure { Attr attr; Inlines caption; std::string url, title; };  // an implicit figure
struct HorizontalRule {};

enum class Alignment { none, left, center, right };
struct TableCell { Inlines content; SourceSpan span; };
using TableRow = std::vector<TableCell>;
struct Table {
  Attr attr;
  std::vector<Alignment> aligns;
  std::vector<TableRow> head;
  std::vector<TableRow> body;
};

using BlockNode = std::variant<Plain, Para, Header, CodeBlock, RawBlock, BlockQuote, BulletList,
                               OrderedList, Div, Figure, Table, HorizontalRule>;

struct Block {
  BlockNode node;
  SourceSpan span;
};

// ---- references (CSL items) ----
struct Name {
  std::string family, given, literal;
};

struct Reference {
  std::string id;
  std::string type;
  std::map<std::string, std::string> fields;            // title, container-title, URL, …
  std::map<std::string, std::vector<Name>> names;       // author, editor, …
  std::map<std::string, std::vector<int>> dates;        // issued: [year, month, day]
  SourceSpan span;
};

// ---- the book ----
struct Meta {
  std::string title, subtitle, date, lang, rights, identifier, publisher, description, source,
      cover_image, theme, bibliography;
  std::vector<std::string> authors, subjects, chapters;
  std::map<std::string, std::string> extra;  // further keys kept for later stages (a11y, styles)
  SourceSpan cover_image_at;                 // where cover-image is given, for its problems

  // The book's language: `lang`, else English.
  std::string language() const { return lang.empty() ? "en" : lang; }
};

// One chapter file of the manuscript.
struct Division {
  std::string name;  // file name without its extension
  Attr attr;
  Blocks blocks;
  SourceSpan span;
};

struct Document {
  std::filesystem::path folder;  // the manuscript folder: every file it names (images too) lies inside
  Meta meta;
  std::vector<Division> divisions;
  std::vector<Reference> references;
};

}  // namespace recto
