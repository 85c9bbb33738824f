// Typesetting the book: fonts, the flow of every part, pages.
#include "typeset.hpp"

#include "book_flow.hpp"
#include "font_set.hpp"
#include "pages.hpp"

namespace recto::typeset {

std::optional<PagedDoc> typeset_book(const Document& doc, const style::StyleSheet& sheet, text::FontLibrary& fonts,
                                     const TypesetOptions& options, Env& env, Diagnostics& diags) {
  FontSet set;
  if (!find_fonts(sheet, fonts, set, diags)) return std::nullopt;
  text::Shaper shaper(fonts);
  std::string lang = doc.meta.lang.empty() ? "en" : doc.meta.lang;
  text::Hyphenator hyphenator;
  ItemBuilder::Options item_options{sheet.code_size / sheet.body_size, sheet.expansion, 50,
                                    sheet.hyphenate ? &hyphenator : nullptr};
  ItemBuilder items(set, shaper, diags, lang, item_options);
  Flow flow;
  BlockLayout layout(sheet, items, flow, doc.folder, env, diags);

  title_page(doc.meta, sheet, layout, flow);
  const Division* references = nullptr;
  for (const Division& d : doc.divisions) {
    if (d.attr.has_class("references")) {
      references = &d;
      continue;
    }
    layout.break_page();
    layout.set_chapter_dir(std::filesystem::path(env.sources.path(d.span.file)).parent_path());
    layout.blocks(d.blocks, {0, sheet.text_width()});
  }
  endnotes(doc, sheet, layout);
  if (references) {
    layout.break_page();
    layout.blocks(references->blocks, {0, sheet.text_width()});
  }

  DocInfo info;
  info.title = doc.meta.title;
  for (const auto& a : doc.meta.authors) info.author += (info.author.empty() ? "" : ", ") + a;
  info.subject = doc.meta.description;
  for (const auto& k : doc.meta.subjects) info.keywords += (info.keywords.empty() ? "" : ", ") + k;
  info.creator = options.generator;
  info.lang = lang;
  info.timestamp = options.timestamp;
  info.id_seed = options.identifier;
  return paginate(flow, sheet, items, info);
}

}  // namespace recto::typeset
