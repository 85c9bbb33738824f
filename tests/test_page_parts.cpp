// The page builder plans each part (a chapter, the notes) on its own: a footnote split on a part's last
// page still continues at the foot of the next part's first page, never on a page of notes alone.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "page_builder.hpp"

using namespace recto;
using namespace recto::typeset;

namespace {

// A body line on the grid, starting a part when `new_page`.
Slice body_line(const style::StyleSheet& sheet, bool new_page = false) {
  Slice s;
  s.height = sheet.leading;
  s.baseline = sheet.leading * 0.78;
  s.grid = true;
  s.new_page = new_page;
  return s;
}

Slice note_line(const style::StyleSheet& sheet) {
  Slice s;
  s.height = sheet.note_leading;
  s.baseline = sheet.note_leading * 0.78;
  return s;
}

// The number of body lines on a full page of the sheet.
std::size_t rows(const style::StyleSheet& sheet) {
  const Grid grid = leading_grid(sheet);
  return static_cast<std::size_t>((grid.bottom - grid.first) / grid.leading + 0.5) + 1;
}

}  // namespace

TEST_CASE("a footnote split on a part's last page continues on the next part's first page", "[pages]") {
  style::StyleSheet sheet;
  BookFlow book;
  // Part one: two pages of lines but two, the last of them referring to a note of twelve lines, which
  // cannot all stand below it; part two: a page of lines.
  const std::size_t per_page = rows(sheet);
  for (std::size_t i = 0; i < 2 * per_page - 2; ++i) book.slices.push_back(body_line(sheet, i == 0));
  book.slices.back().notes.push_back("long");
  book.footnotes["long"] = Flow(12, note_line(sheet));
  const std::size_t second_part = book.slices.size();
  for (std::size_t i = 0; i < per_page; ++i) book.slices.push_back(body_line(sheet, i == 0));

  const std::vector<PagePlan> pages = plan_pages(book, sheet);
  // Every page has text; the note starts on the second page, below the line that refers to it, and
  // ends on the third, the second part's first (its text runs on to a fourth).
  REQUIRE(pages.size() == 4);
  for (const PagePlan& page : pages) CHECK(!page.text.empty());
  const Slice* first_note_line = &book.footnotes["long"].front();
  const Slice* last_note_line = &book.footnotes["long"].back();
  auto holds = [](const PagePlan& page, const Slice* line) {
    return std::any_of(page.notes.begin(), page.notes.end(), [&](const PlacedSlice& p) { return p.slice == line; });
  };
  CHECK(holds(pages[1], first_note_line));
  CHECK(!holds(pages[1], last_note_line));
  CHECK(pages[2].text.front().slice == &book.slices[second_part]);
  CHECK(holds(pages[2], last_note_line));
}
