// Typesetting the book: fonts, the flow of every part, pages.
#include "typeset.hpp"

#include <algorithm>
#include <iterator>

#include "book_flow.hpp"
#include "chapter_threads.hpp"
#include "font_set.hpp"
#include "pages.hpp"
#include "taken_settings.hpp"

namespace recto::typeset {

std::optional<PagedDoc> typeset_book(const Document& doc, const style::StyleSheet& sheet, text::FontLibrary& fonts,
                                     const TypesetOptions& options, Env& env, Diagnostics& diags) {
  FontSet set;
  if (!find_fonts(sheet, fonts, set, diags)) return std::nullopt;
  text::ShapeCache shapes;
  text::Hyphenator own_hyphenator;
  text::Hyphenator& hyphenator = options.hyphenator ? *options.hyphenator : own_hyphenator;
  text::Hyphenator* hyphenate = sheet.hyphenate ? &hyphenator : nullptr;
  if (options.shape_memo) options.shape_memo->lend(shapes, hyphenate != nullptr);
  text::Shaper shaper(fonts, &shapes, hyphenate);
  // The texts shaped, for the memo; and the pattern files its texts were hyphenated with, which the
  // build depends on even when no word needed them (for depfiles).
  auto remember_shapes = [&] {
    if (!options.shape_memo) return;
    options.shape_memo->record(shapes, hyphenate != nullptr);
    for (const std::string& f : options.shape_memo->pattern_files()) env.inputs_read.emplace_back(f);
  };
  std::string lang = doc.meta.language();
  ItemBuilder::Options item_options{sheet.code_size / sheet.body_size, sheet.expansion, 50};
  ItemBuilder items(set, shaper, diags, lang, item_options);
  BookFlow book;
  Flow& flow = book.slices;
  BlockLayout layout(sheet, items, book, doc.folder, env, diags);

  title_page(doc.meta, sheet, layout, flow);
  if (sheet.cover && !options.cover.empty()) {
    if (std::optional<Slice> cover = cover_page(options.cover, sheet)) {
      if (!flow.empty()) flow.front().new_page = true;
      flow.insert(flow.begin(), std::move(*cover));
    }
  }
  const Division* references = nullptr;
  std::vector<const Division*> chapters;
  for (const Division& d : doc.divisions) {
    if (d.attr.has_class("references")) {
      references = &d;
    } else {
      chapters.push_back(&d);
    }
  }
  const ChapterSetup setup{sheet, set, shapes, hyphenate, item_options, lang, doc.folder, options.most_groups};
  const AfterChapters notes{notes_size(doc), [&](BlockLayout& into, BookFlow& into_book) {
                              if (sheet.notes == "footnotes") {
                                footnotes(doc, sheet, into, into_book);
                              } else {
                                endnotes(doc, sheet, into);
                              }
                            }};
  lay_out_chapters(chapters, notes, setup, layout, book, env, diags);
  if (references) {
    layout.break_page();
    layout.blocks(references->blocks, {0, sheet.text_width()});
  }

  for (const std::string& f : hyphenator.files()) env.inputs_read.emplace_back(f);  // for depfiles
  DocInfo info;
  info.title = doc.meta.title;
  for (const auto& a : doc.meta.authors) info.author += (info.author.empty() ? "" : ", ") + a;
  info.subject = doc.meta.description;
  for (const auto& k : doc.meta.subjects) info.keywords += (info.keywords.empty() ? "" : ", ") + k;
  info.creator = options.generator;
  info.lang = lang;
  info.timestamp = options.timestamp;
  info.id_seed = options.identifier;
  std::vector<PagePlan> plans = plan_pages(book, sheet);
  Diagnostics reported_already;
  ItemBuilder again(set, shaper, reported_already, lang, item_options);
  compose_taken_settings(book, plans, again);
  if (chapters.size() <= 1) {
    PagedDoc pages = paginate(plans, sheet, items, info, Pagination::full);
    pages.anchor_blocks = layout.node_blocks();
    remember_shapes();
    return pages;
  }

  // More than one chapter: a printed table of contents after the title page, with the page numbers
  // of the text's pages (the contents are front matter, so the text's numbers do not move). The
  // contents start on a page of their own and the text on the next, so they are planned apart.
  PagedDoc first = paginate(plans, sheet, items, info, Pagination::outline);
  std::vector<ContentsLine> lines;
  std::size_t k = 0;
  for (const Slice& s : flow) {
    for (const OutlineEntry& e : s.outline) {
      const OutlineEntry& placed = first.outline[k++];
      if (e.level == 1 && !s.ids.empty()) lines.push_back({e.title, first.pages[placed.page].label, s.ids.front()});
    }
  }
  BookFlow contents;
  contents.slices = contents_pages(lines, lang, sheet, items);
  std::vector<PagePlan> contents_plans = plan_pages(contents, sheet);
  auto text_start = std::find_if(plans.begin(), plans.end(), [](const PagePlan& p) {  // after the cover and title
    return !p.text.empty() && p.text.front().slice->folio;
  });
  plans.insert(text_start, contents_plans.begin(), contents_plans.end());
  PagedDoc pages = paginate(plans, sheet, items, info, Pagination::full);
  pages.anchor_blocks = layout.node_blocks();
  remember_shapes();
  return pages;
}

}  // namespace recto::typeset
