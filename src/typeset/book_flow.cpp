// The title page, the contents, and the notes: as a section at the end, or each for the foot of its page.
#include "book_flow.hpp"

#include "image_probe.hpp"
#include "terms.hpp"
#include "tree_walk.hpp"

namespace recto::typeset {

namespace {

Inlines text_of(const std::string& s) { return {Inline{Str{s}, {}}}; }

}  // namespace

void title_page(const Meta& meta, const style::StyleSheet& sheet, BlockLayout& layout, Flow& flow) {
  std::size_t first = flow.size();
  Frame frame{0, sheet.text_width()};
  InlineStyle title = layout.body_style();
  title.family = Family::heading;
  title.size = sheet.title_size;
  layout.paragraph(text_of(meta.title), title, frame, Align::center, sheet.title_size * 1.2, 0,
                   sheet.text_height() * 0.22);
  if (!meta.subtitle.empty()) {
    InlineStyle sub = layout.body_style();
    sub.italic = true;
    sub.size = sheet.body_size * 1.3;
    layout.paragraph(text_of(meta.subtitle), sub, frame, Align::center, sub.size * 1.3, 0, sheet.leading);
  }
  InlineStyle author = layout.body_style();
  author.size = sheet.body_size * 1.2;
  for (std::size_t i = 0; i < meta.authors.size(); ++i) {
    layout.paragraph(text_of(meta.authors[i]), author, frame, Align::center, author.size * 1.4, 0,
                     i == 0 ? sheet.leading * 3 : 0);
  }
  if (!meta.source.empty()) {
    InlineStyle source = layout.body_style();
    source.size = sheet.note_size;
    layout.paragraph(text_of(meta.source), source, frame, Align::center, sheet.note_leading, 0, sheet.leading * 6);
  }
  for (std::size_t i = first; i < flow.size(); ++i) flow[i].folio = false;
}

std::optional<Slice> cover_page(const std::string& image, const style::StyleSheet& sheet) {
  std::optional<ImageInfo> info = probe_image(image);
  if (!info || info->width <= 0 || info->height <= 0) return std::nullopt;
  double scale = std::max(sheet.page_width / info->width, sheet.page_height / info->height);
  double width = info->width * scale, height = info->height * scale;
  // The slice's baseline is the text block's bottom; the image is placed from the page's corner.
  Slice s;
  s.new_page = true;
  s.folio = false;
  s.height = s.baseline = sheet.text_height();
  s.images.push_back({image, info->media_type, -sheet.margin_inner - (width - sheet.page_width) / 2,
                      -sheet.margin_bottom - (height - sheet.page_height) / 2, width, height, "", {}});
  return s;
}

Flow contents_pages(const std::vector<ContentsLine>& lines, const std::string& lang, const style::StyleSheet& sheet,
                    ItemBuilder& items) {
  Flow flow;
  InlineStyle heading;
  heading.family = Family::heading;
  heading.size = sheet.h1_size;
  Items title;
  items.begin_block();
  items.add(text_of(term(Term::contents, lang)), heading, 0, title);
  flow.push_back(compose_line(title, {0, title.size(), true}, {0, sheet.text_width(), heading.size * 1.6, Align::left}));
  flow.back().outline.push_back({1, term(Term::contents, lang), 0, 0});
  InlineStyle body;
  body.size = sheet.body_size;
  for (const ContentsLine& line : lines) {
    Items row;
    items.begin_block();
    items.add(text_of(line.title), body, 0, row);
    row.push_back(make_glue(sheet.body_size, 1e6, 0));
    items.add_word(line.page, body, {}, row);
    Slice s = compose_line(row, {0, row.size(), false}, {0, sheet.text_width(), sheet.leading, Align::justify});
    s.space_before = sheet.leading * 0.25;
    s.links.push_back({0, -0.25 * sheet.body_size, sheet.text_width(), sheet.body_size * 1.05, "", -1, 0, ""});
    s.link_targets.push_back("#" + line.id);
    flow.push_back(std::move(s));
  }
  flow.front().new_page = true;
  for (Slice& s : flow) s.folio = false;  // front matter: roman page labels, no folio
  return flow;
}

namespace {

std::vector<const Note*> notes_of(const Document& doc) {
  std::vector<const Note*> notes;
  for (const Division& d : doc.divisions) {
    walk_inlines(d.blocks, [&](const Inline& x) {
      if (auto* n = std::get_if<Note>(&x.node)) notes.push_back(n);
    });
  }
  return notes;
}

// "12. The note's text", the number linking back to the reference in the text, in the note size.
void note_text(const Note& n, const style::StyleSheet& sheet, BlockLayout& layout, double space_before) {
  InlineStyle style = layout.body_style();
  style.size = sheet.note_size;
  Frame frame{0, sheet.text_width()};
  for (std::size_t b = 0; b < n.content.size(); ++b) {
    const Inlines* xs = block_inlines(const_cast<Block&>(n.content[b]));
    if (!xs) {
      layout.blocks({n.content[b]}, frame);
      continue;
    }
    Inlines line;
    if (b == 0) {
      line.push_back({Link{{}, text_of(std::to_string(n.number) + "."), "#" + n.ref_id, ""}, {}});
      line.push_back({Str{" "}, {}});
    }
    line.insert(line.end(), xs->begin(), xs->end());
    if (b == 0) layout.mark(n.id);
    layout.paragraph(layout.keep(std::move(line)), style, frame, Align::justify, sheet.note_leading,
                     b == 0 ? 0 : sheet.indent, b == 0 ? space_before : 0);
  }
}

}  // namespace

void endnotes(const Document& doc, const style::StyleSheet& sheet, BlockLayout& layout) {
  std::vector<const Note*> notes = notes_of(doc);
  if (notes.empty()) return;
  layout.break_page();
  Block heading{Header{1, Attr{"notes", {}, {}}, text_of(term(Term::notes, doc.meta.lang))}, {}};
  layout.blocks({heading}, {0, sheet.text_width()});
  for (const Note* n : notes) note_text(*n, sheet, layout, sheet.note_leading * 0.4);
}

void footnotes(const Document& doc, const style::StyleSheet& sheet, BlockLayout& layout, BookFlow& book) {
  for (const Note* n : notes_of(doc)) {
    Flow lines;
    Flow* text = layout.write_to(&lines);
    note_text(*n, sheet, layout, 0);
    layout.write_to(text);
    book.footnotes.emplace(n->id, std::move(lines));
  }
}

std::size_t notes_size(const Document& doc) {
  std::size_t size = 0;
  for (const Note* n : notes_of(doc)) {
    walk_blocks(n->content, [&](const Block& b) {
      if (const Inlines* xs = block_inlines(const_cast<Block&>(b))) size += plain_text(*xs).size();
    });
  }
  return size;
}

}  // namespace recto::typeset
