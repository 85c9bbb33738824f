// Simple tables: columns as wide as their content allows, each row one unbreakable slice, rules under
// the head and around the table.
#include <algorithm>
#include <numeric>

#include "block_layout.hpp"

namespace recto::typeset {

namespace {

Align cell_align(Alignment a) {
  switch (a) {
    case Alignment::center: return Align::center;
    case Alignment::right: return Align::right;
    default: return Align::left;
  }
}

double natural_width(const Items& items) {
  double w = 0;
  for (const Item& it : items) w += it.width;
  return w;
}

}  // namespace

void BlockLayout::table(const Table& t, const Frame& frame) {
  std::size_t columns = t.aligns.size();
  for (const auto* rows : {&t.head, &t.body}) {
    for (const TableRow& row : *rows) columns = std::max(columns, row.size());
  }
  if (columns == 0) return;
  const double gap = sheet_.body_size;
  const double size = sheet_.body_size * 0.9;
  const double leading = sheet_.leading * 0.9;

  // Items of every cell, and each column's widest natural content.
  struct Cell {
    Items items;
  };
  std::vector<std::vector<Cell>> cells;
  std::vector<bool> is_head;
  std::vector<double> widest(columns, size);
  for (const auto* rows : {&t.head, &t.body}) {
    for (const TableRow& row : *rows) {
      cells.emplace_back(columns);
      is_head.push_back(rows == &t.head);
      for (std::size_t c = 0; c < row.size(); ++c) {
        InlineStyle s = body_style();
        s.size = size;
        s.bold = rows == &t.head;
        items_.begin_block();
        items_.add(row[c].content, s, next_node(), cells.back()[c].items);
        widest[c] = std::max(widest[c], natural_width(cells.back()[c].items));
      }
    }
  }
  double available = frame.measure - gap * static_cast<double>(columns - 1);
  double total = std::accumulate(widest.begin(), widest.end(), 0.0);
  std::vector<double> width = widest;
  if (total > available) {
    for (double& w : width) w = available * w / total;
  }
  double table_width = std::accumulate(width.begin(), width.end(), 0.0) + gap * static_cast<double>(columns - 1);

  pending_space_ = std::max(pending_space_, sheet_.leading * 0.5);
  for (std::size_t r = 0; r < cells.size(); ++r) {
    Slice row;
    std::size_t lines_in_row = 1;
    double x = frame.x;
    for (std::size_t c = 0; c < columns; ++c) {
      Items& items = cells[r][c].items;
      Align align = c < t.aligns.size() ? cell_align(t.aligns[c]) : Align::left;
      std::vector<LineBreak> lines = break_lines_first_fit(items, width[c], width[c]);
      lines_in_row = std::max(lines_in_row, lines.size());
      for (std::size_t i = 0; i < lines.size(); ++i) {
        Slice line = compose_line(items, lines[i], {x, width[c], leading, align});
        double down = -leading * static_cast<double>(i);
        for (GlyphRun& run : line.runs) {
          run.y += down;
          row.runs.push_back(std::move(run));
        }
        for (std::size_t l = 0; l < line.links.size(); ++l) {
          line.links[l].y += down;
          row.links.push_back(line.links[l]);
          row.link_targets.push_back(line.link_targets[l]);
        }
        row.ids.insert(row.ids.end(), line.ids.begin(), line.ids.end());
      }
      x += width[c] + gap;
    }
    row.height = leading * static_cast<double>(lines_in_row) + leading * 0.3;
    row.baseline = leading * 0.78 + leading * 0.15;
    double bottom = -(row.height - row.baseline);
    if (r == 0) row.rules.push_back({frame.x, row.baseline, table_width, 0.6});
    if (is_head[r] && (r + 1 == cells.size() || !is_head[r + 1])) row.rules.push_back({frame.x, bottom, table_width, 0.4});
    if (r + 1 == cells.size()) row.rules.push_back({frame.x, bottom, table_width, 0.6});
    push(std::move(row));
  }
  pending_space_ = sheet_.leading * 0.5;
}

}  // namespace recto::typeset
