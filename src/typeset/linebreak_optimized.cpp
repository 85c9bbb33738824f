// The total-fit line breaker (Knuth and Plass): the breaks of least total demerits for a paragraph.
#include "linebreak_optimized.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace recto::typeset {

// The algorithm. A paragraph's legal breaks are glue right after a box and penalties below 10000; a
// line runs from the first box (or forced penalty) after one break to the next break, the glue and
// penalties between being discarded, and a break at a penalty adds the penalty's width (a hyphen).
// A line's adjustment ratio r is its shortfall over its glue's stretch (or shrink, when too long);
// its badness is 100|r|³, infinite when r < −1 or when it is short with nothing to stretch, and
// it is feasible when the badness is within the pass's tolerance. Its demerits are
// (line_penalty+b)², plus p² for a break at a penalty p > 0 or minus p² for −∞ < p < 0, plus
// adjacent_hyphens after a line that also ended at a flagged penalty (final_hyphen instead when
// this is the paragraph's last line), plus fitness_demerits when its fitness class (very loose for
// r > 1, loose above 0.5, decent down to −0.5, then tight) is two or more from the previous
// line's. As in TeX, a single walk over the items keeps an "active list" of nodes: the breaks
// already reached, each with the least total demerits of any way to reach it in a given state —
// position, lines so far (only "first line or not" unless looseness asks for exact counts), fitness
// class of the line ending there, and how many lines in a row ended at flagged penalties (never
// more than max_hyphen_run). At each legal break every active node proposes the line from it;
// feasible lines become candidate nodes, the best per state kept and those dominated dropped (a
// node no cheaper than another with no longer hyphen run, by more than the fitness demerits the
// other might pay, can never do better). A node leaves the list when its line would be too long
// even fully shrunk (which only grows, glue shrinking no more than its width), and every node
// leaves at a forced break, so the work is the items times a short list; prefix sums of width,
// stretch and shrink make each line O(1). Passes as in TeX: first without flagged breaks within
// pretolerance, then with them within tolerance, then an emergency pass that adds emergency_stretch
// to every line and accepts any finite badness; if all fail, first fit, marked infeasible.
// Looseness picks, among the final nodes, the line count nearest the best one's count plus the
// looseness without passing it, and the fewest demerits at that count (not in the emergency pass,
// where any count could be had with awful lines). Items that do not end with a forced break end as
// if TeX's \parfillskip and forced break were there: the last line may fall short at no cost.
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double no_break = 10000;  // a penalty this high forbids a break (TeX's inf_penalty)
constexpr std::ptrdiff_t none = -1;

enum Fitness { very_loose, loose, decent, tight };

struct Pass {
  double tolerance;
  bool hyphenate;  // flagged penalties are legal breaks
  double extra_stretch;
  int looseness;
};

// A break reached in one state, with the best way to reach it.
struct Node {
  std::size_t pos = 0;    // the break item (items.size(): the paragraph's end)
  std::size_t begin = 0;  // the first item of the line after it
  int line = 0;           // lines before `begin`
  int fitness = decent;   // of the line ending here
  int run = 0;            // lines in a row ending at flagged penalties, this one's included
  bool forced = false;    // the line ending here is set unjustified
  double total = 0;       // demerits from the paragraph's start
  double ratio = 0;       // how the line ending here is set
  std::ptrdiff_t parent = none;
};

bool is_forced(const Item& it) {
  return it.kind == Item::penalty && it.cost == forced_break;
}

double ratio_of(double shortfall, double stretch, double shrink) {
  if (shortfall > 0) return stretch > 0 ? shortfall / stretch : inf;
  if (shortfall < 0) return shrink > 0 ? shortfall / shrink : -inf;
  return 0;
}

double badness(double r) {
  return r < -1 ? inf : 100 * std::abs(r) * std::abs(r) * std::abs(r);
}

int fitness_of(double r) {
  if (r > 1) return very_loose;
  if (r > 0.5) return loose;
  if (r >= -0.5) return decent;
  return tight;
}

class Breaker {
 public:
  Breaker(const Items& items, const BreakParams& params)
      : items_(items),
        p_(params),
        n_(items.size()),
        first_measure_(params.first_measure < 0 ? params.measure : params.first_measure) {
    width_.assign(n_ + 1, 0);
    stretch_.assign(n_ + 1, 0);
    shrink_.assign(n_ + 1, 0);
    for (std::size_t i = 0; i < n_; ++i) {
      const Item& it = items[i];
      bool glue = it.kind == Item::glue;
      width_[i + 1] = width_[i] + (it.kind == Item::penalty ? 0 : it.width);
      stretch_[i + 1] = stretch_[i] + (glue ? it.stretch : 0);
      shrink_[i + 1] = shrink_[i] + (glue ? it.shrink : 0);
    }
    std::size_t last = n_;
    while (last > 0 && items[last - 1].kind != Item::box && !is_forced(items[last - 1])) --last;
    closed_ = last == 0 || is_forced(items[last - 1]);
  }

  struct Outcome {
    BreakResult result;
    bool loose_enough = true;  // the looseness asked for was reached
  };

  // One pass over the paragraph, and the breaks at its looseness; nothing when no feasible breaks
  // exist under its rules.
  std::optional<Outcome> run(const Pass& pass) {
    if (!pass_over(pass)) return std::nullopt;
    return choose(pass.looseness);
  }

  // One pass over the paragraph; false when no feasible breaks exist under its rules. The nodes left
  // active at the end are the paragraph's possible ends: all at its last forced break. A pass at
  // any looseness but 0 keeps the best node for every line count, whichever choose() asks for.
  bool pass_over(const Pass& pass) {
    pass_ = pass;
    nodes_.assign(1, Node{});
    nodes_[0].begin = line_start(0);
    active_.assign(1, 0);
    for (std::size_t i = 0; i < n_; ++i) {
      const Item& it = items_[i];
      bool legal = it.kind == Item::penalty
                       ? it.cost < no_break && (pass.hyphenate || !it.flagged || is_forced(it))
                       : it.kind == Item::glue && i > 0 && items_[i - 1].kind == Item::box;
      if (!legal) continue;
      try_break(i);
      if (active_.empty()) return false;
    }
    if (!closed_) try_break(n_);
    return !active_.empty();
  }

  // The final node a looseness asks for after a pass, and its lines.
  Outcome choose(int want) const {
    auto node = [&](std::ptrdiff_t i) -> const Node& {
      return nodes_[static_cast<std::size_t>(i)];
    };
    std::ptrdiff_t best = *std::min_element(active_.begin(), active_.end(), [&](auto x, auto y) {
      return node(x).total < node(y).total;
    });
    int best_lines = node(best).line;
    std::ptrdiff_t pick = best;
    int reached = 0;
    for (std::ptrdiff_t f : active_) {
      int diff = node(f).line - best_lines;
      if (want >= 0 ? diff < 0 || diff > want : diff > 0 || diff < want) continue;
      if (std::abs(diff) > std::abs(reached) ||
          (diff == reached && node(f).total < node(pick).total)) {
        pick = f;
        reached = diff;
      }
    }
    Outcome out;
    out.loose_enough = reached == want;
    out.result.demerits = node(pick).total;
    for (std::ptrdiff_t i = pick; node(i).parent != none; i = node(i).parent) {
      const Node& k = node(i);
      out.result.lines.push_back({node(k.parent).begin, k.pos, k.forced});
      out.result.ratios.push_back(k.ratio);
    }
    std::reverse(out.result.lines.begin(), out.result.lines.end());
    std::reverse(out.result.ratios.begin(), out.result.ratios.end());
    return out;
  }

  // Every line set from the first-fit breaks, for when no pass found feasible ones.
  BreakResult fallback() const {
    BreakResult out;
    out.feasible = false;
    out.lines = break_lines_first_fit(items_, p_.measure, first_measure_);
    for (std::size_t k = 0; k < out.lines.size(); ++k) {
      const LineBreak& lb = out.lines[k];
      double measure = k == 0 ? first_measure_ : p_.measure;
      double natural = natural_width(lb.begin, lb.end);
      double shrink = shrink_[lb.end] - shrink_[lb.begin];
      out.ratios.push_back(
          set_ratio(measure - natural, stretch_[lb.end] - stretch_[lb.begin], shrink, lb.forced));
      if (natural - shrink > measure) out.overfull.push_back(k);
    }
    return out;
  }

 private:
  // The first item of a line after a break at `from - 1`: glue and penalties there are discarded.
  std::size_t line_start(std::size_t from) const {
    while (from < n_ && items_[from].kind != Item::box && !is_forced(items_[from])) ++from;
    return from;
  }

  // The width of [begin, end) ended by a break at `end`, the width a penalty there adds included.
  double natural_width(std::size_t begin, std::size_t end) const {
    double hyphen = end < n_ && items_[end].kind == Item::penalty ? items_[end].width : 0;
    return width_[end] - width_[begin] + hyphen;
  }

  // The ratio a line is set at with its own glue: unjustified lines do not stretch, and glue
  // shrinks no further than its shrink.
  static double set_ratio(double shortfall, double stretch, double shrink, bool forced) {
    if (shortfall > 0) return forced || stretch <= 0 ? 0 : shortfall / stretch;
    return std::max(-1.0, ratio_of(shortfall, stretch, shrink));
  }

  // Every active node's line to the break at `b` (n_: the paragraph's end); the feasible ones make
  // the nodes at `b`.
  void try_break(std::size_t b) {
    bool at_end = b == n_;
    const Item* it = at_end ? nullptr : &items_[b];
    bool is_penalty = it && it->kind == Item::penalty;
    bool forced = at_end || is_forced(*it);
    bool flagged = is_penalty && it->flagged;
    double cost = is_penalty && !forced ? it->cost : 0;
    std::size_t next = at_end ? n_ : line_start(b + 1);
    bool last_line = forced && next == n_;
    candidates_.clear();
    std::size_t keep = 0;
    // What every line to b shares, read once: this loop is most of setting a book.
    const double width_to_b = width_[b], stretch_to_b = stretch_[b], shrink_to_b = shrink_[b];
    const double hyphen = is_penalty ? it->width : 0;  // natural_width's at b
    const double first_measure = first_measure_, measure_after = p_.measure;
    const double extra_stretch = pass_.extra_stretch, tolerance = pass_.tolerance;
    const int max_hyphen_run = p_.max_hyphen_run;
    for (std::ptrdiff_t ai : active_) {
      const Node& a = nodes_[static_cast<std::size_t>(ai)];
      if (a.begin > b || (at_end && a.begin == b)) {  // b is among the items a's break discards
        active_[keep++] = ai;
        continue;
      }
      double measure = a.line == 0 ? first_measure : measure_after;
      double shrink = shrink_to_b - shrink_[a.begin];
      if (width_to_b - width_[a.begin] - shrink > measure)
        continue;  // too long from here on: retire
      active_[keep++] = ai;
      if (flagged && a.run >= max_hyphen_run) continue;
      double shortfall = measure - (width_to_b - width_[a.begin] + hyphen);
      double stretch = stretch_to_b - stretch_[a.begin];
      double r = at_end && shortfall > 0 ? 0 : ratio_of(shortfall, stretch + extra_stretch, shrink);
      double bad = badness(r);
      if (bad == inf || bad > tolerance) continue;
      double d = (p_.line_penalty + bad) * (p_.line_penalty + bad);
      if (cost > 0) d += cost * cost;
      if (cost < 0) d -= cost * cost;
      if (a.run > 0 && last_line)
        d += p_.final_hyphen;
      else if (a.run > 0 && flagged)
        d += p_.adjacent_hyphens;
      int fit = fitness_of(r);
      if (std::abs(fit - a.fitness) > 1) d += p_.fitness_demerits;
      Node c;
      c.pos = b;
      c.begin = next;
      c.line = a.line + 1;
      c.fitness = fit;
      c.run = flagged ? a.run + 1 : 0;
      c.forced = forced;
      c.total = a.total + d;
      c.ratio = set_ratio(shortfall, stretch, shrink, forced);
      c.parent = ai;
      offer(c);
    }
    active_.resize(forced ? 0 : keep);  // no line runs past a forced break
    std::sort(candidates_.begin(), candidates_.end(), [&](const Node& x, const Node& y) {
      return lines_key(x) != lines_key(y) ? lines_key(x) < lines_key(y) : x.total < y.total;
    });
    std::size_t group = nodes_.size();  // the first node kept with the current lines key
    for (const Node& c : candidates_) {
      if (group < nodes_.size() && lines_key(nodes_[group]) != lines_key(c)) group = nodes_.size();
      bool dominated = std::any_of(
          nodes_.begin() + static_cast<std::ptrdiff_t>(group), nodes_.end(), [&](const Node& k) {
            double margin = k.fitness == c.fitness ? 0 : p_.fitness_demerits;
            return k.run <= c.run && k.total + margin <= c.total;
          });
      if (dominated) continue;
      active_.push_back(static_cast<std::ptrdiff_t>(nodes_.size()));
      nodes_.push_back(c);
    }
  }

  // The lines a node has made, as far as the rest of the paragraph cares: every later line has the
  // same measure, so only looseness tells line counts apart.
  int lines_key(const Node& x) const { return pass_.looseness == 0 ? 0 : x.line; }

  // Keeps the cheaper of two lines to the same state.
  void offer(const Node& c) {
    for (Node& k : candidates_) {
      if (lines_key(k) == lines_key(c) && k.fitness == c.fitness && k.run == c.run) {
        if (c.total < k.total) k = c;
        return;
      }
    }
    candidates_.push_back(c);
  }

  const Items& items_;
  const BreakParams& p_;
  std::size_t n_;
  double first_measure_;
  std::vector<double> width_, stretch_, shrink_;  // prefix sums over items [0, i)
  bool closed_ = true;  // the items end with a forced break (and what it discards), as TeX's do
  Pass pass_{};
  std::vector<Node> nodes_;             // every node of the pass; parents point into it
  std::vector<std::ptrdiff_t> active_;  // indexes of the nodes lines may still start from
  std::vector<Node> candidates_;        // the best line to a break for each state
};

}  // namespace

BreakResult break_lines_optimized(const Items& items, const BreakParams& params) {
  Breaker breaker(items, params);
  std::optional<Breaker::Outcome> got;
  if (params.pretolerance >= 0)
    got = breaker.run({params.pretolerance, false, 0, params.looseness});
  if (!got || !got->loose_enough) {
    if (auto second = breaker.run({params.tolerance, true, 0, params.looseness}))
      got = std::move(second);
  }
  if (!got) got = breaker.run({inf, true, params.emergency_stretch, 0});
  return got ? std::move(got->result) : breaker.fallback();
}

std::array<BreakResult, 2> break_lines_tighter_and_looser(const Items& items, const BreakParams& params,
                                                          std::array<bool, 2> wanted) {
  // break_lines_optimized's passes for each looseness wanted, each pass made once for both.
  Breaker breaker(items, params);
  constexpr int kWants[2] = {-1, 1};
  std::optional<Breaker::Outcome> got[2];
  auto missing = [&](int k) { return wanted[k] && !(got[k] && got[k]->loose_enough); };
  if (params.pretolerance >= 0 && breaker.pass_over({params.pretolerance, false, 0, kWants[0]})) {
    for (int k : {0, 1}) {
      if (wanted[k]) got[k] = breaker.choose(kWants[k]);
    }
  }
  if ((missing(0) || missing(1)) && breaker.pass_over({params.tolerance, true, 0, kWants[0]})) {
    for (int k : {0, 1}) {
      if (missing(k)) got[k] = breaker.choose(kWants[k]);
    }
  }
  std::optional<Breaker::Outcome> emergency;
  std::array<BreakResult, 2> out;
  for (int k : {0, 1}) {
    auto& result = out[static_cast<std::size_t>(k)];
    if (!wanted[k]) {
      result.feasible = false;
      continue;
    }
    if (!got[k] && !emergency) emergency = breaker.run({inf, true, params.emergency_stretch, 0});
    if (!got[k]) got[k] = emergency;
    result = got[k] ? std::move(got[k]->result) : breaker.fallback();
  }
  return out;
}

}  // namespace recto::typeset
