// Choosing page breaks and paragraph settings, page by page.
#include "page_builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

#include "parallel.hpp"

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
// a full page is worth more than a paragraph's best spacing, and a page a line short more than a
// hyphen at its foot, but less than a widow or an orphan.
constexpr double empty_row_cost = 100000;          // a line of a full page left empty
constexpr double empty_row_before_display = 5000;  // the same before a heading or figure that did not fit
constexpr double spread_row_cost = 20000;          // a line of space added around headings, pull quotes, figures
constexpr double split_note_cost = 40000;          // a footnote continued on the next page
constexpr double page_final_hyphen_cost = 60000;   // a page that ends in a hyphen
constexpr double widow_cost = 150000;              // a paragraph's last line atop a page, or its first at the foot
constexpr double kept_apart_cost = 1000000;        // a heading left at the foot, or a pull quote split

// Room made at once for a trial page's lines: more than most pages hold, so that filling one grows
// no vector.
constexpr std::size_t kLinesReserved = 64;

// A stretch of the flow's slices, [begin, end).
struct Span {
  std::size_t begin = 0, end = 0;
};

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

// A way to have made the pages so far: where the next page starts, the setting of the paragraph
// that runs on into it, the note lines it continues, what it cost, and the settings of the
// paragraphs that started on its last page.
struct State {
  Pos pos;
  int crossing = 0;
  std::vector<const Slice*> carry;
  double cost = 0;
  std::ptrdiff_t parent = -1;
  std::vector<std::pair<std::size_t, int>> changes;
};

class Builder {
 public:
  Builder(const BookFlow& book, const style::StyleSheet& sheet, Span span) : book_(book), grid_(leading_grid(sheet)) {
    note_leading_ = sheet.note_leading;
    const Flow& f = book.slices;
    for (std::size_t i = span.begin; i < span.end;) {
      Unit u{i, i + 1, nullptr};
      if (f[i].paragraph != 0) {
        while (u.end < span.end && f[u.end].paragraph == f[i].paragraph) ++u.end;
        auto alt = book.alternatives.find(f[i].paragraph);
        if (alt != book.alternatives.end()) u.alternatives = &alt->second;
      }
      units_.push_back(u);
      i = u.end;
    }
    choice_.assign(units_.size(), 0);
  }

  // The pages of the span, and whether a footnote split on its last page of text went on past its
  // end (onto pages of their own).
  struct Planned {
    std::vector<PagePlan> pages;
    bool carried_past_end = false;
  };

  // A beam search over page breaks: from each of the cheapest ways to have made the pages so far,
  // every candidate next page (see children); the ways that reach the same place are merged, keeping
  // the cheapest, and the `beam` cheapest places go on. Then the pages of the cheapest way to the
  // end, made again.
  Planned build() {
    constexpr std::size_t beam = 8;
    std::vector<State> states(1);
    std::vector<std::size_t> layer{0};
    std::ptrdiff_t finished = -1;
    while (!layer.empty()) {
      std::map<std::tuple<std::size_t, std::size_t, int, std::vector<const Slice*>>, std::size_t> reached;
      for (std::size_t from : layer) {
        for (State& next : children(states[from])) {
          next.parent = static_cast<std::ptrdiff_t>(from);
          next.cost += states[from].cost;
          if (done(next.pos) && next.carry.empty()) {
            if (finished < 0 || next.cost < states[static_cast<std::size_t>(finished)].cost) {
              states.push_back(std::move(next));
              finished = static_cast<std::ptrdiff_t>(states.size() - 1);
            }
            continue;
          }
          auto key = std::make_tuple(next.pos.unit, next.pos.line, next.crossing, next.carry);
          auto it = reached.find(key);
          if (it != reached.end() && states[it->second].cost <= next.cost) continue;
          states.push_back(std::move(next));
          reached[key] = states.size() - 1;
        }
      }
      layer.clear();
      for (const auto& [key, index] : reached) {
        if (finished < 0 || states[index].cost < states[static_cast<std::size_t>(finished)].cost) layer.push_back(index);
      }
      std::sort(layer.begin(), layer.end(), [&](std::size_t x, std::size_t y) {
        return states[x].cost != states[y].cost ? states[x].cost < states[y].cost : x < y;
      });
      if (layer.size() > beam) layer.resize(beam);
    }
    std::vector<std::size_t> path;
    for (std::ptrdiff_t i = finished; i > 0; i = states[static_cast<std::size_t>(i)].parent) path.push_back(static_cast<std::size_t>(i));
    std::reverse(path.begin(), path.end());
    Planned planned;
    Pos pos;
    std::vector<const Slice*> carry;
    for (std::size_t i : path) {
      for (auto [u, c] : states[i].changes) choice_[u] = c;
      if (done(pos) && !carry.empty()) planned.carried_past_end = true;
      Trial t = evaluate(pos, carry);
      planned.pages.push_back(plan(t));
      pos = t.end;
      carry = t.carry;
    }
    return planned;
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
    t.placed.reserve(kLinesReserved);
    t.baselines.reserve(kLinesReserved);
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
      std::vector<const Slice*> all;  // the notes with the line's own, when it has some
      if (!added.empty()) {
        all = t.notes;
        all.insert(all.end(), added.begin(), added.end());
      }
      bool fits = first || baseline <= body_limit(added.empty() ? t.notes : all) + 0.01;
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
      if (!added.empty()) t.notes = std::move(all);
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

  // How badly a page that ends after `b` placed slices ends: a heading (or a pull quote, or a figure
  // and its caption) cut from what it keeps with, a widow or an orphan at the break, a hyphen at the
  // foot; and the count to try instead (b when the break is good).
  std::pair<double, std::size_t> break_fault(const Trial& t, std::size_t b) const {
    for (std::size_t i = 1; i < b; ++i) {
      if (i + static_cast<std::size_t>(at(t.placed[i]).keep_next) >= b) return {kept_apart_cost, i};
    }
    const Slice& last = at(t.placed[b - 1]);
    const Slice* next = following(t, b);
    if (next && next->paragraph != 0 && next->paragraph == last.paragraph && next->line == next->lines - 1) {
      return {widow_cost, b - 1};
    }
    if (last.paragraph != 0 && last.line == 0 && last.lines > 1) return {widow_cost, b - 1};  // an orphan
    if (last.hyphenated) return {page_final_hyphen_cost, b - 1};
    return {0, b};
  }

  // The page from `start`: filled as far as it goes, then each earlier break that the faults of the
  // later ones suggest, the cheapest of them kept — a fault against the lines it leaves empty.
  Trial evaluate(Pos start, const std::vector<const Slice*>& carry, bool allow_split) const {
    Trial natural = fill(start, carry, allow_split, std::numeric_limits<std::size_t>::max());
    if (!natural.full || natural.placed.empty()) return natural;
    Trial best;
    best.cost = std::numeric_limits<double>::infinity();
    for (std::size_t b = natural.placed.size(); b >= 1;) {
      Trial t = b == natural.placed.size() ? natural : fill(start, carry, allow_split, b);
      auto [fault, instead] = break_fault(t, b);
      t.cost = fault + (t.split ? split_note_cost : 0) + empty_rows_cost(t);
      if (t.cost < best.cost) best = std::move(t);
      if (instead == b || fault == 0) break;
      b = instead;
    }
    return best;
  }

  // What the lines a page leaves empty cost, after space is added around its displays if it has any.
  double empty_rows_cost(Trial& t) const {
    const Slice* next = following(t, t.placed.size());
    if (!next || t.placed.empty()) return 0;
    double room = body_limit(t.notes) - t.baselines.back();
    int rows = static_cast<int>(std::floor(room / grid_.leading + 1e-6));
    if (rows <= 0) return 0;
    if (spread(t, rows)) return rows * spread_row_cost;
    return rows * (next->grid ? empty_row_cost : empty_row_before_display);
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

  // The candidate pages from a state: every paragraph that starts on the page at its best, or one
  // of them a line shorter or longer — and when none of those is good, two of them.
  std::vector<State> children(const State& from) {
    std::vector<State> out;
    if (from.pos.line > 0) choice_[from.pos.unit] = from.crossing;
    Trial base = evaluate(from.pos, from.carry);
    auto add = [&](const Trial& t, const std::vector<std::pair<std::size_t, int>>& changes, double cost) {
      State next;
      next.pos = t.end;
      next.carry = t.carry;
      next.cost = t.cost + cost;
      for (auto [u, c] : changes) {
        if (u < t.end.unit || (u == t.end.unit && t.end.line > 0)) next.changes.push_back({u, c});  // started here
      }
      if (t.end.line > 0) next.crossing = choice_[t.end.unit];
      out.push_back(std::move(next));
    };
    add(base, {}, 0);
    if (base.full) {
      std::vector<std::size_t> open;  // paragraphs that start on the page, or just after it
      std::size_t last = std::min(units_.size() - 1, base.end.unit + 1);
      for (std::size_t u = from.pos.line == 0 ? from.pos.unit : from.pos.unit + 1; u <= last; ++u) {
        if (units_[u].alternatives) open.push_back(u);
      }
      double best = base.cost;
      auto consider = [&](const std::vector<std::pair<std::size_t, int>>& changes) {
        double cost = 0;
        for (auto [u, c] : changes) choice_[u] = c, cost += setting_cost(u, c);
        Trial t = evaluate(from.pos, from.carry);
        best = std::min(best, t.cost + cost);
        add(t, changes, cost);
        for (auto [u, c] : changes) choice_[u] = 0;
      };
      for (std::size_t u : open) {
        for (int c : {-1, 1}) {
          if (can_take(u, c)) consider({{u, c}});
        }
      }
      if (best >= empty_row_before_display) {
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
    }
    if (from.pos.line > 0) choice_[from.pos.unit] = 0;
    return out;
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
  // Each part (a chapter, the notes) starts a page, so the parts are planned apart, on the machine's
  // cores; a part whose last footnote runs on is planned again with the next, where it continues.
  std::vector<Span> parts;
  const Flow& f = book.slices;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (i == 0 || f[i].new_page) parts.push_back({i, i});
    parts.back().end = i + 1;
  }
  if (parts.empty()) parts.push_back({0, 0});
  std::vector<Builder::Planned> planned(parts.size());
  run_parallel(parts.size(), [&](std::size_t i) { planned[i] = Builder(book, sheet, parts[i]).build(); });
  std::vector<PagePlan> pages;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    Span span = parts[i];
    Builder::Planned part = std::move(planned[i]);
    while (part.carried_past_end && i + 1 < parts.size()) {
      span.end = parts[++i].end;
      part = Builder(book, sheet, span).build();
    }
    pages.insert(pages.end(), part.pages.begin(), part.pages.end());
  }
  return pages;
}

}  // namespace recto::typeset
