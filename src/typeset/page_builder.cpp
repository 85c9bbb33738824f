// Choosing page breaks and paragraph settings, page by page.
#include "page_builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace recto::typeset {

Grid leading_grid(const style::StyleSheet& sheet) {
  Grid g;
  g.leading = sheet.leading;
  g.first = sheet.leading * 0.78;  // a line's baseline below its top, as compose_line sets it
  double rows = std::floor((sheet.text_height() - g.first) / g.leading + 1e-6);
  g.bottom = g.first + std::max(0.0, rows) * g.leading;
  return g;
}

namespace {

// What the builder weighs, in the units of a paragraph setting's cost (its added demerits / 10):
// a full page is worth more than a paragraph's best spacing.
constexpr double empty_row_cost = 100000;          // a line of a full page left empty
constexpr double empty_row_before_display = 5000;  // the same before a heading or figure that did not fit
constexpr double spread_row_cost = 20000;          // a line of space added around headings, pull quotes, figures
constexpr double split_note_cost = 40000;          // a footnote continued on the next page
constexpr double bad_break_cost = 1000000;         // a widow, orphan, hyphen or heading left at the break

// A run of the flow the builder takes as one: a paragraph's lines, or one other slice.
struct Unit {
  std::size_t begin = 0, end = 0;
  const Alternatives* alternatives = nullptr;
};

struct Pos {
  std::size_t unit = 0, line = 0;
};

struct Trial {
  std::vector<Pos> placed;
  std::vector<double> baselines;
  std::vector<const Slice*> notes;  // note lines at the foot, in order
  std::vector<const Slice*> carry;  // lines of a note continued on the next page
  Pos end;             // where the next page starts
  bool full = false;   // it ended because nothing more fit, not at a part's end or the book's
  bool split = false;  // a note was split
  double cost = 0;
};

class Builder {
 public:
  Builder(const BookFlow& book, const style::StyleSheet& sheet) : book_(book), grid_(leading_grid(sheet)) {
    note_leading_ = sheet.note_leading;
    const Flow& f = book.slices;
    for (std::size_t i = 0; i < f.size();) {
      Unit u{i, i + 1, nullptr};
      if (f[i].paragraph != 0) {
        while (u.end < f.size() && f[u.end].paragraph == f[i].paragraph) ++u.end;
        auto alt = book.alternatives.find(f[i].paragraph);
        if (alt != book.alternatives.end()) u.alternatives = &alt->second;
      }
      units_.push_back(u);
      i = u.end;
    }
    choice_.assign(units_.size(), 0);
  }

  std::vector<PagePlan> build() {
    std::vector<PagePlan> pages;
    Pos pos;
    std::vector<const Slice*> carry;
    while (!done(pos) || !carry.empty()) {
      Trial best = best_page(pos, carry);
      pages.push_back(plan(best));
      pos = best.end;
      carry = best.carry;
    }
    return pages;
  }

 private:
  bool done(Pos p) const { return p.unit >= units_.size(); }

  const Flow* setting(std::size_t u) const {
    const Alternatives* a = units_[u].alternatives;
    if (choice_[u] < 0) return &a->tighter;
    if (choice_[u] > 0) return &a->looser;
    return nullptr;
  }

  std::size_t lines(std::size_t u) const {
    const Flow* f = setting(u);
    return f ? f->size() : units_[u].end - units_[u].begin;
  }

  const Slice& at(Pos p) const {
    const Flow* f = setting(p.unit);
    return f ? (*f)[p.line] : book_.slices[units_[p.unit].begin + p.line];
  }

  Pos next(Pos p) const {
    if (++p.line >= lines(p.unit)) p = {p.unit + 1, 0};
    return p;
  }

  // A body line's baseline on the grid: the row nearest to where its space before would put it (half a
  // line rounds down), but
  // never above where it would sit with no space at all (so nothing overlaps what is above).
  double snap(double natural, double lowest) const {
    auto row = [&](double y, double round) {
      return std::max(0.0, std::floor((y - grid_.first) / grid_.leading + round));
    };
    return grid_.first + std::max(row(natural, 0.49), row(lowest, 1 - 1e-6)) * grid_.leading;
  }

  // The lowest a body baseline may sit above these footnote lines (the grid's bottom when none).
  double body_limit(const std::vector<const Slice*>& notes) const {
    if (notes.empty()) return grid_.bottom;
    return notes_top(notes) - note_leading_ - grid_.leading * 0.75;
  }

  // The first note line's baseline when the last sits on the grid's bottom.
  double notes_top(const std::vector<const Slice*>& notes) const {
    double y = grid_.bottom;
    for (std::size_t i = notes.size(); i-- > 1;) {
      y -= (notes[i - 1]->height - notes[i - 1]->baseline) + notes[i]->space_before + notes[i]->baseline;
    }
    return y;
  }

  std::vector<const Slice*> note_lines(const Slice& s, const std::vector<const Slice*>& on_page) const {
    std::vector<const Slice*> out;
    for (const std::string& id : s.notes) {
      auto it = book_.footnotes.find(id);
      if (it == book_.footnotes.end() || it->second.empty()) continue;
      if (std::find(on_page.begin(), on_page.end(), &it->second.front()) != on_page.end()) continue;
      for (const Slice& line : it->second) out.push_back(&line);
    }
    return out;
  }

  // Fills a page from `start`: at most `most` slices, each where it fits, footnotes at the foot.
  Trial fill(Pos start, const std::vector<const Slice*>& carried, bool allow_split, std::size_t most) const {
    Trial t;
    t.notes = carried;
    while (t.notes.size() > 1 && notes_top(t.notes) - note_leading_ < grid_.first + 2 * grid_.leading) {
      t.carry.insert(t.carry.begin(), t.notes.back());
      t.notes.pop_back();
    }
    double cursor = 0;
    Pos p = start;
    for (; !done(p); p = next(p)) {
      const Slice& s = at(p);
      bool first = t.placed.empty();
      if (t.placed.size() == most || (s.new_page && !first)) break;
      double baseline = cursor + (first ? 0 : s.space_before) + s.baseline;
      if (s.grid) baseline = snap(baseline, cursor + s.baseline);
      std::vector<const Slice*> added = note_lines(s, t.notes);
      std::vector<const Slice*> all = t.notes;
      all.insert(all.end(), added.begin(), added.end());
      bool fits = first || baseline <= body_limit(all) + 0.01;
      if (!fits && allow_split && !added.empty() && t.carry.empty()) {
        // The line fits with the start of its note: the rest of the note goes on the next page.
        std::size_t k = added.size();
        while (k > 0 && baseline > body_limit(std::vector<const Slice*>(all.begin(), all.end() - static_cast<std::ptrdiff_t>(added.size() - k))) + 0.01) --k;
        if (k > 0) {
          all.resize(t.notes.size() + k);
          t.carry.assign(added.begin() + static_cast<std::ptrdiff_t>(k), added.end());
          t.split = true;
          fits = true;
        }
      }
      if (!fits) {
        t.full = true;
        break;
      }
      t.placed.push_back(p);
      t.baselines.push_back(baseline);
      t.notes = std::move(all);
      cursor = baseline + s.height - s.baseline;
      if (t.split) {
        p = next(p);
        t.full = true;
        break;
      }
    }
    if (t.placed.size() == most && !done(p)) t.full = true;
    t.end = p;
    return t;
  }

  // The slice after the `i`th placed one, or null at the book's end.
  const Slice* following(const Trial& t, std::size_t i) const {
    if (i < t.placed.size()) return &at(t.placed[i]);
    return done(t.end) ? nullptr : &at(t.end);
  }

  // Whether a page that ends after `b` placed slices ends badly: a widow or an orphan at the break, a
  // hyphen at the foot, or a heading (or a pull quote, or a figure and its caption) cut from what it
  // keeps with. Returns the count to try instead, or b when the break is good.
  std::size_t better(const Trial& t, std::size_t b) const {
    const Slice& last = at(t.placed[b - 1]);
    const Slice* next = following(t, b);
    if (next && next->paragraph != 0 && next->paragraph == last.paragraph && next->line == next->lines - 1) return b - 1;
    if (last.paragraph != 0 && last.line == 0 && last.lines > 1) return b - 1;
    if (last.hyphenated) return b - 1;
    for (std::size_t i = 1; i < b; ++i) {
      if (i + static_cast<std::size_t>(at(t.placed[i]).keep_next) >= b) return i;
    }
    return b;
  }

  Trial evaluate(Pos start, const std::vector<const Slice*>& carry, bool allow_split) const {
    Trial t = fill(start, carry, allow_split, std::numeric_limits<std::size_t>::max());
    if (!t.full || t.placed.empty()) return t;
    std::size_t b = t.placed.size();
    for (std::size_t tried = better(t, b); tried != b && tried >= 1; tried = better(t, b)) b = tried;
    if (b < t.placed.size()) t = fill(start, carry, allow_split, b);
    if (t.split) t.cost += split_note_cost;
    if (!t.placed.empty() && better(t, t.placed.size()) != t.placed.size()) t.cost += bad_break_cost;
    const Slice* next = following(t, t.placed.size());
    if (next && !t.placed.empty()) {
      double room = body_limit(t.notes) - t.baselines.back();
      int rows = static_cast<int>(std::floor(room / grid_.leading + 1e-6));
      if (rows > 0 && spread(t, rows)) {
        t.cost += rows * spread_row_cost;
      } else if (rows > 0) {
        t.cost += rows * (next->grid ? empty_row_cost : empty_row_before_display);
      }
    }
    return t;
  }

  // Fills a short page down to its bottom with whole lines of space around its headings, pull quotes
  // and figures (before them, and after those that do not keep with what follows), so that the text
  // below stays on the grid. False when the page has none.
  bool spread(Trial& t, int rows) const {
    std::vector<std::size_t> gaps;
    for (std::size_t i = 1; i < t.placed.size(); ++i) {
      const Slice& prev = at(t.placed[i - 1]);
      const Slice& cur = at(t.placed[i]);
      if ((cur.display && !prev.display) || (prev.display && !cur.display && prev.keep_next == 0)) gaps.push_back(i);
    }
    if (gaps.empty()) return false;
    std::vector<int> added(t.placed.size(), 0);
    for (int r = 0; r < rows; ++r) ++added[gaps[static_cast<std::size_t>(r) % gaps.size()]];
    int shift = 0;
    for (std::size_t i = 0; i < t.placed.size(); ++i) {
      shift += added[i];
      t.baselines[i] += shift * grid_.leading;
    }
    return true;
  }

  Trial evaluate(Pos start, const std::vector<const Slice*>& carry) const {
    Trial t = evaluate(start, carry, true);
    if (t.split) {
      Trial whole = evaluate(start, carry, false);
      if (whole.cost <= t.cost) return whole;
    }
    return t;
  }

  double setting_cost(std::size_t u, int c) const {
    const Alternatives* a = units_[u].alternatives;
    return c < 0 ? a->tighter_cost : c > 0 ? a->looser_cost : 0;
  }

  bool can_take(std::size_t u, int c) const {
    const Alternatives* a = units_[u].alternatives;
    return a && !(c < 0 ? a->tighter : a->looser).empty();
  }

  // The page from `pos` at the least cost: every paragraph that starts on it at its best, or one (and
  // if that is not enough, two) of them a line shorter or longer.
  Trial best_page(Pos pos, const std::vector<const Slice*>& carry) {
    Trial best = evaluate(pos, carry);
    if (best.cost > 0 && best.full) {
      std::vector<std::size_t> open;  // paragraphs that start on the page, or just after it
      std::size_t last = std::min(units_.size() - 1, best.end.unit + 1);
      for (std::size_t u = pos.line == 0 ? pos.unit : pos.unit + 1; u <= last && !done({u, 0}); ++u) {
        if (units_[u].alternatives) open.push_back(u);
      }
      std::vector<std::pair<std::size_t, int>> best_choice;
      auto consider = [&](const std::vector<std::pair<std::size_t, int>>& changes) {
        double cost = 0;
        for (auto [u, c] : changes) choice_[u] = c, cost += setting_cost(u, c);
        if (cost < best.cost) {
          Trial t = evaluate(pos, carry);
          t.cost += cost;
          if (t.cost < best.cost) best = std::move(t), best_choice = changes;
        }
        for (auto [u, c] : changes) choice_[u] = 0;
      };
      for (std::size_t u : open) {
        for (int c : {-1, 1}) {
          if (can_take(u, c)) consider({{u, c}});
        }
      }
      if (best.cost >= empty_row_before_display) {
        for (std::size_t i = 0; i < open.size(); ++i) {
          for (std::size_t j = i + 1; j < open.size(); ++j) {
            for (int c : {-1, 1}) {
              for (int d : {-1, 1}) {
                if (can_take(open[i], c) && can_take(open[j], d)) consider({{open[i], c}, {open[j], d}});
              }
            }
          }
        }
      }
      // Settings of paragraphs that did not start on the page wait for the next.
      for (auto [u, c] : best_choice) {
        if (u < best.end.unit || (u == best.end.unit && best.end.line > 0)) choice_[u] = c;
      }
    }
    return best;
  }

  PagePlan plan(const Trial& t) const {
    PagePlan page;
    for (std::size_t i = 0; i < t.placed.size(); ++i) page.text.push_back({&at(t.placed[i]), t.baselines[i]});
    if (!t.notes.empty()) {
      double y = notes_top(t.notes);
      page.rule = y - note_leading_;
      for (std::size_t i = 0; i < t.notes.size(); ++i) {
        if (i > 0) y += (t.notes[i - 1]->height - t.notes[i - 1]->baseline) + t.notes[i]->space_before + t.notes[i]->baseline;
        page.notes.push_back({t.notes[i], y});
      }
    }
    return page;
  }

  const BookFlow& book_;
  Grid grid_;
  double note_leading_ = 0;
  std::vector<Unit> units_;
  std::vector<int> choice_;  // per unit: −1 a line shorter, +1 a line longer, 0 at its best
};

}  // namespace

std::vector<PagePlan> plan_pages(const BookFlow& book, const style::StyleSheet& sheet) {
  return Builder(book, sheet).build();
}

}  // namespace recto::typeset
