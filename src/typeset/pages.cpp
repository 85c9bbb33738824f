// Placing slices on pages.
#include "pages.hpp"

#include <map>
#include <optional>


namespace recto::typeset {

namespace {

std::string roman(int n) {
  static const std::pair<int, const char*> numerals[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                         {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                         {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                         {1, "i"}};
  std::string out;
  for (const auto& [value, text] : numerals) {
    while (n >= value) out += text, n -= value;
  }
  return out;
}

// A running head: the title or the author in one line, cut after the last word that fits the
// measure, with an ellipsis.
Slice running_head(const std::string& head, const LineFrame& frame, const InlineStyle& style, ItemBuilder& folios) {
  Items items;
  folios.begin_block();
  auto width_of = [](const Items& run) {
    double w = 0;
    for (const Item& it : run) w += it.kind == Item::penalty ? 0 : it.width;
    return w;
  };
  Items ellipsis;
  folios.add_word("\u2026", style, {}, ellipsis);
  const double space = folios.space_width(style);
  double width = 0;
  for (std::size_t start = 0; start <= head.size();) {
    std::size_t space_at = std::min(head.find(' ', start), head.size());
    Items word;
    folios.add_word(head.substr(start, space_at - start), style, {}, word);
    const double gap = items.empty() ? 0 : space;
    const bool last = space_at == head.size();
    if (!items.empty() && width + gap + width_of(word) + (last ? 0 : width_of(ellipsis)) > frame.measure) {
      items.insert(items.end(), ellipsis.begin(), ellipsis.end());
      break;
    }
    if (!items.empty()) items.push_back(make_glue(space, 0, 0));
    items.insert(items.end(), word.begin(), word.end());
    width += gap + width_of(word);
    start = space_at + 1;
  }
  return compose_line(items, {0, items.size(), true}, frame);
}

struct Place {
  int page;
  double y;
};

}  // namespace

PagedDoc paginate(const std::vector<PagePlan>& plans, const style::StyleSheet& sheet, ItemBuilder& folios,
                  const DocInfo& info, Pagination detail) {
  const bool full = detail == Pagination::full;
  PagedDoc doc;
  doc.width = sheet.page_width;
  doc.height = sheet.page_height;
  doc.info = info;
  std::map<std::string, Place> places;
  std::vector<bool> has_folio, opening;  // opening: the page starts a part (no running head)
  std::vector<std::pair<int, std::size_t>> pending_links;  // (page, link index) with an internal target
  std::vector<std::string> pending_targets;
  const double top = sheet.page_height - sheet.margin_top;
  for (const PagePlan& plan : plans) {
    int page = static_cast<int>(doc.pages.size());
    Page& p = doc.pages.emplace_back();
    const Slice* first = plan.text.empty() ? nullptr : plan.text.front().slice;
    has_folio.push_back(!first || first->folio);
    opening.push_back(page == 0 || (first && first->new_page));
    double left = page % 2 == 0 ? sheet.margin_inner : sheet.margin_outer;
    auto place = [&](const PlacedSlice& placed) {
      // The plan points into flows that are the caller's to spend.
      Slice& s = const_cast<Slice&>(*placed.slice);
      double baseline = top - placed.baseline;
      double slice_top = baseline + s.baseline;
      for (OutlineEntry e : s.outline) {
        e.page = page;
        e.y = slice_top;
        doc.outline.push_back(e);
      }
      if (!full) return;
      for (GlyphRun& r : s.runs) {
        r.x += left;
        r.y += baseline;
        p.runs.push_back(std::move(r));
      }
      s.runs.clear();
      for (Rule r : s.rules) p.rules.push_back({r.x + left, r.y + baseline, r.width, r.height});
      for (PlacedImage img : s.images) {
        img.x += left;
        img.y += baseline;
        p.images.push_back(std::move(img));
      }
      for (std::size_t l = 0; l < s.links.size(); ++l) {
        LinkArea a = s.links[l];
        a.x += left;
        a.y += baseline;
        p.links.push_back(a);
        if (!s.link_targets[l].empty()) {
          pending_links.push_back({page, p.links.size() - 1});
          pending_targets.push_back(s.link_targets[l].substr(1));
        }
      }
      for (const std::string& id : s.ids) places.emplace(id, Place{page, slice_top});
    };
    for (const PlacedSlice& placed : plan.text) place(placed);
    if (full && !plan.notes.empty()) p.rules.push_back({left, top - plan.rule, sheet.text_width() * 0.25, 0.4});
    for (const PlacedSlice& placed : plan.notes) place(placed);
  }
  // Internal links go where their target was placed; a target that is not in the PDF loses its link.
  std::map<int, std::vector<std::size_t>> unresolved;
  for (std::size_t k = 0; k < pending_links.size(); ++k) {
    auto [page, index] = pending_links[k];
    auto it = places.find(pending_targets[k]);
    if (it == places.end()) {
      unresolved[page].push_back(index);
      continue;
    }
    doc.pages[page].links[index].target_page = it->second.page;
    doc.pages[page].links[index].target_y = it->second.y;
    doc.pages[page].links[index].target_id = pending_targets[k];
  }
  for (auto& [page, indexes] : unresolved) {
    auto& links = doc.pages[page].links;
    for (auto it = indexes.rbegin(); it != indexes.rend(); ++it) links.erase(links.begin() + static_cast<std::ptrdiff_t>(*it));
  }
  // Labels: the title page is front matter (roman), the text counts from 1; folios at the foot, and
  // running heads at the top (the author on the left-hand page, the title on the right) except where
  // a part opens.
  int front = 0;
  while (front < static_cast<int>(doc.pages.size()) && !has_folio[front]) ++front;
  std::optional<Slice> heads[2];  // the running heads of left- and right-hand pages, set once
  for (int i = 0; i < static_cast<int>(doc.pages.size()); ++i) {
    Page& p = doc.pages[i];
    p.label = i < front ? roman(i + 1) : std::to_string(i - front + 1);
    if (!has_folio[i] || !full) continue;
    Items items;
    InlineStyle style;
    style.size = sheet.note_size;
    folios.begin_block();
    folios.add_word(p.label, style, {}, items);
    double left = i % 2 == 0 ? sheet.margin_inner : sheet.margin_outer;
    Slice folio = compose_line(items, {0, items.size(), true}, {left, sheet.text_width(), 0, Align::center});
    for (GlyphRun& r : folio.runs) {
      r.y += sheet.margin_bottom * 0.5;
      p.runs.push_back(std::move(r));
    }
    style.italic = true;
    const int side = i % 2;
    const std::string& head = side == 1 ? info.author : info.title;
    if (opening[i] || head.empty()) continue;
    if (!heads[side]) heads[side] = running_head(head, {left, sheet.text_width(), 0, Align::center}, style, folios);
    for (GlyphRun r : heads[side]->runs) {
      r.y += sheet.page_height - sheet.margin_top * 0.55;
      p.runs.push_back(std::move(r));
    }
  }
  return doc;
}

}  // namespace recto::typeset
