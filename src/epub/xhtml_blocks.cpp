// Block nodes as XHTML: paragraphs, headings, lists, quotes, divisions, pull quotes, figures, tables, code.
#include <algorithm>

#include "raw_html.hpp"
#include "tree_walk.hpp"
#include "xhtml_writer.hpp"
#include "xml_text.hpp"

namespace recto::epub {

namespace {

const char* alignment_class(Alignment a) {
  switch (a) {
    case Alignment::left: return "align-left";
    case Alignment::center: return "align-center";
    case Alignment::right: return "align-right";
    case Alignment::none: break;
  }
  return nullptr;
}

}  // namespace

void XhtmlWriter::start_file(std::string file, std::filesystem::path chapter_dir) {
  file_ = std::move(file);
  if (marks_) marks_->set_file(file_);
  chapter_dir_ = std::move(chapter_dir);
}

void XhtmlWriter::blocks(pugi::xml_node parent, const Blocks& bs) {
  for (const Block& b : bs) block(parent, b);
}

void XhtmlWriter::block(pugi::xml_node parent, const Block& b) {
  if (marks_) marks_->enter(b);
  block_content(parent, b);
  if (marks_) marks_->leave(parent);
}

// The text of a block, with the page marks that fall in it.
void XhtmlWriter::text(pugi::xml_node parent, const std::string& text) {
  if (marks_) marks_->text(parent, text);
  else add_text(parent, text);
}

void XhtmlWriter::block_content(pugi::xml_node parent, const Block& b) {
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, Plain>) {
          inlines(parent, n.content);
        } else if constexpr (std::is_same_v<T, Para>) {
          inlines(parent.append_child("p"), n.content);
        } else if constexpr (std::is_same_v<T, Header>) {
          std::string name = "h" + std::to_string(std::clamp(n.level, 1, 6));
          pugi::xml_node h = parent.append_child(name.c_str());
          set_attributes(h, n.attr);
          inlines(h, n.content);
        } else if constexpr (std::is_same_v<T, CodeBlock>) {
          pugi::xml_node pre = parent.append_child("pre");
          Attr attr = n.attr;
          pugi::xml_node code = pre.append_child("code");
          if (!attr.classes.empty()) {
            code.append_attribute("class") = xml_safe("language-" + attr.classes.front()).c_str();
            attr.classes.erase(attr.classes.begin());
          }
          set_attributes(pre, attr);
          std::string code_text = n.text;
          if (!code_text.empty() && code_text.back() == '\n') code_text.pop_back();
          text(code, code_text);
        } else if constexpr (std::is_same_v<T, RawBlock>) {
          if (n.format == "html" && !append_raw_html_block(parent, n.text)) {
            if (images_) {
              diags_.warning(b.span, "raw-html", "this HTML block is not well-formed XHTML: written as text",
                             "close every element, quote every attribute, or write it in Markdown");
            }
            add_element(parent, "p", n.text);
          }
        } else if constexpr (std::is_same_v<T, BlockQuote>) {
          blocks(parent.append_child("blockquote"), n.content);
        } else if constexpr (std::is_same_v<T, BulletList>) {
          pugi::xml_node ul = parent.append_child("ul");
          for (const Blocks& item : n.items) blocks(ul.append_child("li"), item);
        } else if constexpr (std::is_same_v<T, OrderedList>) {
          pugi::xml_node ol = parent.append_child("ol");
          if (n.start != 1) ol.append_attribute("start") = n.start;
          for (const Blocks& item : n.items) blocks(ol.append_child("li"), item);
        } else if constexpr (std::is_same_v<T, Div>) {
          bool pullquote = n.attr.has_class("pullquote");
          // A pull quote repeats words of the text: shown, but hidden from assistive technology.
          pugi::xml_node div = parent.append_child(pullquote ? "aside" : "div");
          set_attributes(div, n.attr);
          if (pullquote) {
            div.append_attribute("role") = "doc-pullquote";
            div.append_attribute("aria-hidden") = "true";
          }
          blocks(div, n.content);
        } else if constexpr (std::is_same_v<T, Figure>) {
          if (marks_) marks_->all(parent);  // a page that begins in a figure or table is marked before it
          figure(parent, n, b.span);
        } else if constexpr (std::is_same_v<T, Table>) {
          if (marks_) marks_->all(parent);
          table(parent, n);
        } else if constexpr (std::is_same_v<T, HorizontalRule>) {
          parent.append_child("hr");
        }
      },
      b.node);
}

void XhtmlWriter::figure(pugi::xml_node parent, const Figure& f, SourceSpan at) {
  pugi::xml_node fig = parent.append_child("figure");
  set_attributes(fig, f.attr);
  pugi::xml_node img = fig.append_child("img");
  img.append_attribute("src") = image_src(f.url, at).c_str();
  img.append_attribute("alt") = xml_safe(plain_text(f.caption)).c_str();
  if (!f.title.empty()) img.append_attribute("title") = xml_safe(f.title).c_str();
  if (!f.caption.empty()) inlines(fig.append_child("figcaption"), f.caption);
}

void XhtmlWriter::table(pugi::xml_node parent, const Table& t) {
  pugi::xml_node table = parent.append_child("table");
  set_attributes(table, t.attr);
  auto rows = [&](pugi::xml_node section, const std::vector<TableRow>& rs, const char* cell_name) {
    for (const TableRow& row : rs) {
      pugi::xml_node tr = section.append_child("tr");
      for (std::size_t i = 0; i < row.size(); ++i) {
        pugi::xml_node cell = tr.append_child(cell_name);
        if (const char* align = i < t.aligns.size() ? alignment_class(t.aligns[i]) : nullptr) {
          cell.append_attribute("class") = align;
        }
        inlines(cell, row[i].content);
      }
    }
  };
  if (!t.head.empty()) rows(table.append_child("thead"), t.head, "th");
  if (!t.body.empty()) rows(table.append_child("tbody"), t.body, "td");
}

std::string XhtmlWriter::image_src(const std::string& url, SourceSpan at) {
  if (!images_) return "images/" + url;  // an estimate: the length is about right
  wrote_images_ = true;
  return images_->add(url, chapter_dir_, at);
}

}  // namespace recto::epub
