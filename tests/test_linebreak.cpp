// The total-fit line breaker against an exhaustive search over every break sequence, and its
// promises on larger paragraphs: a partition of the items, bounded ratios, hyphen runs, looseness,
// fallback.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "line_count_bound.hpp"
#include "linebreak_optimized.hpp"

using namespace recto::typeset;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

Item box(double w) {
  Item b;
  b.width = b.content.width = w;
  return b;
}

Item hyphen(double cost, double width) {
  Item p = make_penalty(cost);
  p.width = width;
  p.flagged = true;
  return p;
}

void end_paragraph(Items& items) {  // as TeX does: \parfillskip, then a forced break
  items.push_back(make_glue(0, 1e6, 0));
  items.push_back(make_penalty(forced_break));
}

double uniform(std::mt19937& rng, double lo, double hi) {  // mt19937 is the same everywhere
  return lo + (hi - lo) * (static_cast<double>(rng()) / 4294967296.0);
}

// A paragraph of `words` words, some split by a flagged penalty (a hyphenation point).
Items random_paragraph(std::mt19937& rng, int words, double hyphen_cost, double forced_every = 0,
                       double hyphenated = 0.3) {
  Items items;
  for (int w = 0; w < words; ++w) {
    if (w > 0) {
      if (forced_every > 0 && uniform(rng, 0, 1) < forced_every) {
        end_paragraph(items);  // a line break inside the paragraph
      } else {
        double space = uniform(rng, 4, 7);
        items.push_back(make_glue(space, space / 2, space / 3));
      }
    }
    if (uniform(rng, 0, 1) < hyphenated) {
      items.push_back(box(uniform(rng, 8, 30)));
      items.push_back(hyphen(hyphen_cost, 4));
      items.push_back(box(uniform(rng, 8, 30)));
    } else {
      items.push_back(box(uniform(rng, 10, 50)));
    }
  }
  end_paragraph(items);
  return items;
}

// ---- The rules, written out again plainly, for the exhaustive search ----

struct RefPass {
  double tolerance;
  bool hyphenate;
  double extra_stretch;
};

bool is_forced(const Item& it) {
  return it.kind == Item::penalty && it.cost == forced_break;
}

bool legal_break(const Items& items, std::size_t i, const RefPass& pass) {
  const Item& it = items[i];
  if (it.kind == Item::glue) return i > 0 && items[i - 1].kind == Item::box;
  if (it.kind != Item::penalty || it.cost >= 10000) return false;
  return is_forced(it) || !it.flagged || pass.hyphenate;
}

std::size_t first_kept(const Items& items, std::size_t i) {  // skips what a break discards
  while (i < items.size() && items[i].kind != Item::box && !is_forced(items[i])) ++i;
  return i;
}

struct RefLine {
  bool feasible = false;
  double ratio = 0, demerits = 0;
  int fitness = 0;
};

// The line [begin, end) ending at the break `end`, after a line of fitness `prev_fitness` that
// ended at a flagged penalty or not.
RefLine score_line(const Items& items, const BreakParams& p, const RefPass& pass, std::size_t begin,
                   std::size_t end, bool first_line, int prev_fitness, bool prev_flagged) {
  double natural = 0, stretch = pass.extra_stretch, shrink = 0;
  for (std::size_t i = begin; i < end; ++i) {
    if (items[i].kind == Item::penalty) continue;
    natural += items[i].width;
    if (items[i].kind == Item::glue) stretch += items[i].stretch, shrink += items[i].shrink;
  }
  const Item& brk = items[end];
  if (brk.kind == Item::penalty) natural += brk.width;
  double measure = first_line && p.first_measure >= 0 ? p.first_measure : p.measure;
  RefLine out;
  double r = 0;
  if (natural < measure) {
    if (stretch == 0) return out;
    r = (measure - natural) / stretch;
  } else if (natural > measure) {
    if (shrink == 0) return out;
    r = (measure - natural) / shrink;
  }
  if (r < -1) return out;
  double badness = 100 * std::pow(std::abs(r), 3);
  if (badness > pass.tolerance) return out;
  out.feasible = true;
  out.ratio = r;
  double d = (p.line_penalty + badness) * (p.line_penalty + badness);
  if (brk.kind == Item::penalty && brk.cost > 0) d += brk.cost * brk.cost;
  if (brk.kind == Item::penalty && brk.cost < 0 && brk.cost != forced_break)
    d -= brk.cost * brk.cost;
  bool last = is_forced(brk) && first_kept(items, end + 1) == items.size();
  bool flagged = brk.kind == Item::penalty && brk.flagged;
  if (prev_flagged && last) d += p.final_hyphen;
  if (prev_flagged && flagged && !last) d += p.adjacent_hyphens;
  out.fitness = r > 1 ? 0 : r > 0.5 ? 1 : r >= -0.5 ? 2 : 3;  // very loose, loose, decent, tight
  if (std::abs(out.fitness - prev_fitness) > 1) d += p.fitness_demerits;
  out.demerits = d;
  return out;
}

// The demerits of a whole break sequence (each the index of the item broken at), if feasible.
std::optional<double> score_breaks(const Items& items, const BreakParams& p, const RefPass& pass,
                                   const std::vector<std::size_t>& breaks) {
  double total = 0;
  int fitness = 2, run = 0;
  std::size_t begin = first_kept(items, 0);
  for (std::size_t k = 0; k < breaks.size(); ++k) {
    std::size_t b = breaks[k];
    if (b < begin || !legal_break(items, b, pass)) return std::nullopt;
    for (std::size_t i = begin; i < b; ++i)
      if (is_forced(items[i])) return std::nullopt;  // a line may not run through a forced break
    bool flagged = items[b].kind == Item::penalty && items[b].flagged;
    if (flagged && run >= p.max_hyphen_run) return std::nullopt;
    RefLine line = score_line(items, p, pass, begin, b, k == 0, fitness, run > 0);
    if (!line.feasible) return std::nullopt;
    total += line.demerits;
    fitness = line.fitness;
    run = flagged ? run + 1 : 0;
    begin = first_kept(items, b + 1);
  }
  if (begin != items.size() || breaks.empty() || !is_forced(items[breaks.back()]))
    return std::nullopt;
  return total;
}

struct Optimum {
  double demerits = inf;
  std::vector<std::size_t> breaks;
};

// Every sequence of legal breaks, each line's end chosen among those from its first item up to the
// next forced break, lines that are infeasible on their own cut short: the best sequence for each
// line count.
void enumerate(const Items& items, const BreakParams& p, const RefPass& pass, std::size_t begin,
               std::vector<std::size_t>& breaks, std::map<std::size_t, Optimum>& best) {
  if (begin == items.size()) {
    if (std::optional<double> d = score_breaks(items, p, pass, breaks)) {
      Optimum& o = best[breaks.size()];
      if (*d < o.demerits) o = {*d, breaks};
    }
    return;
  }
  for (std::size_t b = begin; b < items.size(); ++b) {
    if (legal_break(items, b, pass) &&
        score_line(items, p, pass, begin, b, breaks.empty(), 2, false).feasible) {
      breaks.push_back(b);
      enumerate(items, p, pass, first_kept(items, b + 1), breaks, best);
      breaks.pop_back();
    }
    if (is_forced(items[b])) break;
  }
}

std::map<std::size_t, Optimum> all_optima(const Items& items, const BreakParams& p,
                                          const RefPass& pass) {
  std::map<std::size_t, Optimum> best;
  std::vector<std::size_t> breaks;
  enumerate(items, p, pass, first_kept(items, 0), breaks, best);
  return best;
}

const Optimum* overall(const std::map<std::size_t, Optimum>& best) {
  const Optimum* o = nullptr;
  for (const auto& [lines, opt] : best)
    if (!o || opt.demerits < o->demerits) o = &opt;
  return o;
}

std::vector<std::size_t> ends_of(const BreakResult& r) {
  std::vector<std::size_t> ends;
  for (const LineBreak& lb : r.lines) ends.push_back(lb.end);
  return ends;
}

std::size_t count_legal(const Items& items) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < items.size(); ++i) n += legal_break(items, i, {0, true, 0});
  return n;
}

BreakParams random_params(std::mt19937& rng) {
  BreakParams p;
  p.measure = uniform(rng, 60, 160);
  if (uniform(rng, 0, 1) < 0.3) p.first_measure = p.measure - uniform(rng, 0, 30);
  const double tolerances[] = {50, 200, 1000};
  p.tolerance = tolerances[rng() % 3];
  p.pretolerance = uniform(rng, 0, 1) < 0.5 ? -1 : 100;
  p.adjacent_hyphens = uniform(rng, 0, 1) < 0.5 ? 3000 : 10;
  p.final_hyphen = uniform(rng, 0, 1) < 0.5 ? 5000 : 10;
  p.fitness_demerits = uniform(rng, 0, 1) < 0.5 ? 100 : 10000;
  p.max_hyphen_run = 1 + static_cast<int>(rng() % 2);
  p.emergency_stretch = uniform(rng, 0, 1) < 0.5 ? 0 : 20;
  return p;
}

}  // namespace

TEST_CASE("total fit finds the demerits of an exhaustive search", "[linebreak]") {
  std::mt19937 rng(1981);
  std::map<std::string, int> seen;
  for (int trial = 0; trial < 2000; ++trial) {
    BreakParams p = random_params(rng);
    double cost = uniform(rng, 0, 1) < 0.7 ? 50 : -30;
    Items items;
    if (trial % 2) {  // hyphens everywhere and welcome, narrow lines: the run limit has to hold
      p.measure = uniform(rng, 40, 80);
      p.max_hyphen_run = 2;
      p.adjacent_hyphens = 0;
      items = random_paragraph(rng, 3 + static_cast<int>(rng() % 5), -50, 0, 0.9);
    } else {
      items = random_paragraph(rng, 3 + static_cast<int>(rng() % 6), cost, 0.1);
    }
    if (count_legal(items) > 16) continue;
    INFO("trial " << trial);
    BreakResult got = break_lines_optimized(items, p);

    std::vector<std::pair<std::string, RefPass>> passes;
    if (p.pretolerance >= 0) passes.push_back({"first", {p.pretolerance, false, 0}});
    passes.push_back({"second", {p.tolerance, true, 0}});
    passes.push_back({"emergency", {inf, true, p.emergency_stretch}});
    const Optimum* want = nullptr;
    RefPass used{};
    for (const auto& [name, pass] : passes) {
      auto best = all_optima(items, p, pass);
      if ((want = overall(best))) {
        used = pass;
        ++seen[name];
        CHECK(got.demerits == Approx(want->demerits).epsilon(1e-9));
        std::optional<double> mine = score_breaks(items, p, pass, ends_of(got));
        REQUIRE(mine);
        CHECK(*mine == Approx(want->demerits).epsilon(1e-9));
        break;
      }
    }
    CHECK(got.feasible == (want != nullptr));
    if (!want) ++seen["fallback"];
    REQUIRE(got.ratios.size() == got.lines.size());
    if (want && used.extra_stretch == 0) {  // ratios as scored, unjustified lines not stretched
      std::size_t begin = 0;
      for (std::size_t k = 0; k < got.lines.size(); ++k) {
        RefLine line =
            score_line(items, p, used, got.lines[k].begin, got.lines[k].end, k == 0, 2, false);
        double r = got.lines[k].forced ? std::min(0.0, line.ratio) : line.ratio;
        CHECK(got.ratios[k] == Approx(r).margin(1e-12));
        CHECK(got.lines[k].begin == first_kept(items, begin));
        begin = got.lines[k].end + 1;
      }
    }
  }
  // Every pass, and the fallback, met on the way.
  for (const char* name : {"first", "second", "emergency", "fallback"}) {
    INFO(name);
    CHECK(seen[name] > 5);
  }
}

TEST_CASE("looseness asks for one line more or less, when there is such a paragraph",
          "[linebreak]") {
  std::mt19937 rng(7);
  int moved = 0;
  for (int trial = 0; trial < 400; ++trial) {
    BreakParams p = random_params(rng);
    p.pretolerance = -1;
    p.tolerance = 1000;
    Items items;  // short words and stretchy glue: room for another line, or one fewer
    for (int w = 0, words = 6 + static_cast<int>(rng() % 5); w < words; ++w) {
      if (w > 0) items.push_back(make_glue(6, 6, 4));
      items.push_back(box(uniform(rng, 10, 25)));
      if (rng() % 4 == 0) items.push_back(hyphen(50, 4)), items.push_back(box(uniform(rng, 8, 15)));
    }
    end_paragraph(items);
    p.measure = uniform(rng, 40, 90);
    if (count_legal(items) > 14) continue;
    auto best = all_optima(items, p, {p.tolerance, true, 0});
    const Optimum* opt = overall(best);
    if (!opt) continue;
    INFO("trial " << trial);
    std::size_t lines = opt->breaks.size();
    for (int looseness : {-1, 1}) {
      p.looseness = looseness;
      BreakResult got = break_lines_optimized(items, p);
      std::size_t asked = lines + static_cast<std::size_t>(looseness);
      const Optimum& want = best.count(asked) ? best[asked] : *opt;
      CHECK(got.lines.size() == want.breaks.size());
      CHECK(got.demerits == Approx(want.demerits).epsilon(1e-9));
      moved += got.lines.size() != lines;
    }
  }
  CHECK(moved > 50);

  // A long paragraph with room to spare, and glue that shrinks a lot, goes one line either way.
  Items items;
  std::mt19937 words(11);
  for (int w = 0; w < 150; ++w) {
    if (w > 0) items.push_back(make_glue(8, 8, 6));
    items.push_back(box(uniform(words, 20, 40)));
  }
  end_paragraph(items);
  BreakParams p;
  p.tolerance = 2000;
  std::size_t lines = break_lines_optimized(items, p).lines.size();
  for (int looseness : {-1, 1}) {
    p.looseness = looseness;
    BreakResult got = break_lines_optimized(items, p);
    CHECK(got.feasible);
    CHECK(got.lines.size() == lines + static_cast<std::size_t>(looseness));
  }
}

TEST_CASE("larger paragraphs: lines partition the items, ratios stay in bounds", "[linebreak]") {
  int runs_of_two = 0;
  for (unsigned seed = 1; seed <= 40; ++seed) {
    std::mt19937 rng(seed);
    double cost = seed % 2 ? 50 : -100;  // hyphens welcome: the run limit has to hold them back
    // Often hyphenated, so that the tolerance can be met without the emergency pass.
    Items items = random_paragraph(rng, 80 + static_cast<int>(rng() % 150), cost,
                                   seed % 5 == 0 ? 0.02 : 0, 0.4);
    BreakParams p;
    p.measure = uniform(rng, 250, 450);
    p.tolerance = 2000;
    p.adjacent_hyphens = seed % 2 ? 3000 : 0;
    BreakResult got = break_lines_optimized(items, p);
    INFO("seed " << seed);
    REQUIRE(got.feasible);
    REQUIRE(!got.lines.empty());
    REQUIRE(got.ratios.size() == got.lines.size());
    double bound = std::cbrt(std::max(p.tolerance, p.pretolerance) / 100);
    std::size_t next = 0;  // the first item no line has taken yet
    int run = 0;
    for (std::size_t k = 0; k < got.lines.size(); ++k) {
      const LineBreak& lb = got.lines[k];
      REQUIRE(lb.begin >= next);
      for (std::size_t i = next; i < lb.begin; ++i) CHECK(items[i].kind != Item::box);  // dropped
      REQUIRE(lb.begin <= lb.end);
      REQUIRE(lb.end < items.size());
      CHECK(items[lb.end].kind != Item::box);
      CHECK(lb.forced == is_forced(items[lb.end]));
      CHECK(got.ratios[k] >= -1);
      CHECK(got.ratios[k] <= (lb.forced ? 0 : bound + 1e-9));
      bool flagged = items[lb.end].kind == Item::penalty && items[lb.end].flagged;
      run = flagged ? run + 1 : 0;
      CHECK(run <= 2);
      runs_of_two += run == 2;
      next = lb.end + 1;
    }
    for (std::size_t i = next; i < items.size(); ++i) CHECK(items[i].kind != Item::box);
    CHECK(got.lines.back().forced);
    CHECK(got.lines.back().end == items.size() - 1);
  }
  CHECK(runs_of_two > 0);
}

TEST_CASE("an unbreakable box wider than the measure falls back to first fit", "[linebreak]") {
  Items items = {box(50), make_glue(6, 3, 2), box(500), make_glue(6, 3, 2), box(50)};
  end_paragraph(items);
  BreakParams p;
  p.measure = 100;
  p.emergency_stretch = 50;
  BreakResult got = break_lines_optimized(items, p);
  CHECK_FALSE(got.feasible);
  REQUIRE(got.lines.size() == 3);
  CHECK(got.lines[1].begin == 2);
  CHECK(got.lines[1].end == 3);
  CHECK(got.overfull == std::vector<std::size_t>{1});
  CHECK(got.ratios.size() == 3);
  CHECK(got.lines[2].forced);
}

TEST_CASE("a forced break inside a paragraph ends a line there", "[linebreak]") {
  Items items;
  for (int w = 0; w < 3; ++w) items.push_back(box(20)), items.push_back(make_glue(5, 2.5, 1.7));
  items.push_back(box(20));
  end_paragraph(items);  // the line break, as the item builder makes it
  std::size_t forced_at = items.size() - 1;
  for (int w = 0; w < 30; ++w) items.push_back(box(20)), items.push_back(make_glue(5, 2.5, 1.7));
  items.push_back(box(20));
  end_paragraph(items);
  BreakParams p;
  p.measure = 120;
  BreakResult got = break_lines_optimized(items, p);
  REQUIRE(got.feasible);
  REQUIRE(got.lines.size() >= 3);
  CHECK(got.lines[0].begin == 0);
  CHECK(got.lines[0].end == forced_at);
  CHECK(got.lines[0].forced);
  CHECK(got.ratios[0] == 0);
  CHECK(got.lines[1].begin == forced_at + 1);
  CHECK_FALSE(got.lines[1].forced);
}

TEST_CASE("paragraphs break in linear time", "[linebreak]") {
  std::mt19937 rng(42);
  std::vector<Items> paragraphs;
  for (int i = 0; i < 500; ++i) paragraphs.push_back(random_paragraph(rng, 120, 50));
  Items long_one = random_paragraph(rng, 40000, 50);
  BreakParams p;
  // The best of three runs, in seconds, so that a moment of load on the machine does not count.
  auto seconds = [](auto&& run) {
    double best = 1e9;
    for (int i = 0; i < 3; ++i) {
      auto start = std::chrono::steady_clock::now();
      run();
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
  };
  std::size_t lines = 0;
  double short_ones = seconds([&] {
    for (const Items& items : paragraphs) lines += break_lines_optimized(items, p).lines.size();
  });
  double long_one_alone = seconds([&] { lines += break_lines_optimized(long_one, p).lines.size(); });
  CHECK(lines > 0);
  // Linear: the paragraph of 40,000 words takes about as long as the 500 of 120 (60,000 words in
  // all); a quadratic breaker takes hundreds of times longer on it. A ratio rather than a time, so
  // that neither a slow machine nor a sanitizer build makes it fail.
  CHECK(long_one_alone < 5 * short_ones);
  CHECK(short_ones < 5.0);
}

TEST_CASE("a paragraph without a closing forced break ends as if it had one", "[linebreak]") {
  Items items = {box(30), make_glue(6, 6, 2), box(30), make_glue(6, 6, 2),
                 box(30), make_glue(6, 6, 2), box(30)};
  BreakParams p;
  p.measure = 70;
  BreakResult got = break_lines_optimized(items, p);
  REQUIRE(got.feasible);
  REQUIRE(got.lines.size() == 2);
  CHECK(got.lines[0].end == 3);
  CHECK_FALSE(got.lines[0].forced);
  CHECK(got.lines[1].begin == 4);
  CHECK(got.lines[1].end == items.size());
  CHECK(got.lines[1].forced);
  CHECK(got.ratios[0] == Approx(4.0 / 6));
  CHECK(got.ratios[1] == 0);
  CHECK(got.demerits == Approx(std::pow(10 + 100 * std::pow(4.0 / 6, 3), 2) + 100));

  CHECK(break_lines_optimized({}, p).lines.empty());
}

TEST_CASE("a paragraph a line tighter and a line looser at once is each looseness broken alone", "[linebreak]") {
  std::mt19937 rng(31);
  for (int trial = 0; trial < 2000; ++trial) {
    BreakParams p = random_params(rng);
    if (trial % 2 == 0) p.pretolerance = 300, p.tolerance = 1000, p.emergency_stretch = 0;  // as BlockLayout asks
    Items items = random_paragraph(rng, 3 + static_cast<int>(rng() % 80), 50, trial % 7 == 0 ? 0.05 : 0);
    std::array<BreakResult, 2> both = break_lines_tighter_and_looser(items, p);
    // One looseness asked for alone comes out the same; the other gives nothing.
    const std::array<bool, 2> only = {trial % 3 == 0, trial % 3 != 0};
    std::array<BreakResult, 2> one = break_lines_tighter_and_looser(items, p, only);
    const std::size_t other = only[0] ? 1 : 0;
    CHECK((one[other].lines.empty() && !one[other].feasible));
    for (int k : {0, 1}) {
      p.looseness = k == 0 ? -1 : 1;
      BreakResult alone = break_lines_optimized(items, p);
      const BreakResult& got = both[static_cast<std::size_t>(k)];
      INFO("trial " << trial << " looseness " << p.looseness);
      if (only[static_cast<std::size_t>(k)]) {
        CHECK(one[static_cast<std::size_t>(k)].lines.size() == got.lines.size());
        CHECK(one[static_cast<std::size_t>(k)].ratios == got.ratios);
        CHECK(one[static_cast<std::size_t>(k)].demerits == got.demerits);
      }
      REQUIRE(got.lines.size() == alone.lines.size());
      for (std::size_t i = 0; i < got.lines.size(); ++i) {
        CHECK((got.lines[i].begin == alone.lines[i].begin && got.lines[i].end == alone.lines[i].end &&
               got.lines[i].forced == alone.lines[i].forced));
      }
      CHECK(got.ratios == alone.ratios);
      CHECK(got.demerits == alone.demerits);
      CHECK(got.feasible == alone.feasible);
      CHECK(got.overfull == alone.overfull);
    }
  }
}

TEST_CASE("the line-count bound never rules out a setting the breaker finds, and rules out many", "[linebreak]") {
  std::mt19937 rng(23);
  int found = 0, ruled_out = 0;
  for (int trial = 0; trial < 1500; ++trial) {
    Items items = random_paragraph(rng, 5 + static_cast<int>(rng() % 60), 50, trial % 5 == 0 ? 0.05 : 0);
    BreakParams p;
    p.measure = uniform(rng, 120, 330);
    p.emergency_stretch = 0;
    p.pretolerance = 300;
    p.tolerance = 1000;
    const std::size_t lines = break_lines_optimized(items, p).lines.size();
    for (int looseness : {-1, 1}) {
      const auto asked = static_cast<std::size_t>(static_cast<long>(lines) + looseness);
      const bool possible = might_take(items, asked, p.measure, -0.9, 2.0);
      ruled_out += !possible;
      p.looseness = looseness;
      BreakResult got = break_lines_optimized(items, p);
      bool within = std::all_of(got.ratios.begin(), got.ratios.end(), [](double r) { return r >= -0.9 && r <= 2.0; });
      if (got.feasible && got.lines.size() == asked && within) {
        ++found;
        INFO("trial " << trial << " looseness " << looseness);
        CHECK(possible);
      }
    }
  }
  CHECK(found > 100);
  CHECK(ruled_out > 1000);
}
