// The essay's typography in the a5 theme, scored by typometrics (tests/tools/typometrics.py, the team's
// measuring tool, copied from shared/tools): the bars of issues 6 and 7, which xelatex on the same
// text, font and measure does not all meet (p95 word gap 0.50 em, max 0.75 em, 5.1 % loose, 9.3 % over
// TeX's tolerance, 54 hyphenated lines; 2 widows, 3 orphans, a hyphen at a page's foot).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <random>

#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;

TEST_CASE("the essay in the a5 theme scores at least as well as xelatex in typometrics", "[pdf][typography]") {
  static std::mt19937 rng{std::random_device{}()};
  fs::path dir = fs::temp_directory_path() / ("recto-typo-" + std::to_string(rng()));
  REQUIRE(run_recto("build -q --format pdf --theme a5 -o '" + dir.string() + "' source").exit_code == 0);
  RunResult r = run_command("python3 tests/tools/typometrics.py --json '" +
                            (dir / "wechat-is-watching-a5.pdf").string() + "'");
  fs::remove_all(dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  nlohmann::json m = nlohmann::json::parse(r.out);
  INFO(m.dump(1));
  const auto& layout = m["layout"];
  const auto& j = m["justification"];
  const auto& h = m["hyphenation"];
  CHECK(layout["body_font_pt"].get<double>() == Approx(11).margin(0.1));
  CHECK(layout["measure_em"].get<double>() >= 28.8);  // 29.1 ± 0.3 em: the measure is not widened
  CHECK(layout["measure_em"].get<double>() <= 29.4);
  CHECK(std::abs(j["natural_space_em"].get<double>() - 0.26) <= 0.02);  // Noto Serif's own space
  CHECK(j["p95_gap_em"].get<double>() <= 0.45);
  CHECK(j["max_gap_em"].get<double>() <= 0.65);
  CHECK(j["loose_share"].get<double>() <= 0.04);
  CHECK(j["over_tex_tolerance_share"].get<double>() <= 0.08);
  CHECK(j["tight_share"].get<double>() <= 0.08);
  CHECK(j["max_single_gap_em"].get<double>() <= 1.0);
  CHECK(m["right_edge"]["overfull"].get<int>() == 0);
  CHECK(h["hyphenated_lines"].get<int>() <= 54);
  CHECK(h["longest_run"].get<int>() <= 2);
  // Issue 7's pages, with footnotes: where xelatex leaves 2 widows, 3 orphans and a page-final hyphen.
  const auto& w = m["widows_orphans"];
  CHECK(w["widows"].get<int>() == 0);
  CHECK(w["orphans"].get<int>() == 0);
  CHECK(w["headings_at_page_bottom"].get<int>() == 0);
  CHECK(h["page_final_hyphens"].get<int>() == 0);
  CHECK(m["pages"]["short_pages"].get<int>() == 0);
}
