// Agreement with pandoc 2.17 on the reader corpus and the essay: block structure and inlines against
// commonmark_x, citations and heading ids against markdown (DESIGN §11). Differences are listed below.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "identifiers.hpp"
#include "pandoc_shape.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace recto;
using namespace recto::test;

namespace {

// The pandoc extensions of commonmark_x that are switched off, each with the reason.
const char* const structure_format =
    "commonmark_x"
    // recto links bare URLs and e-mail addresses (cmark-gfm's autolink extension), as markdown does.
    "+autolink_bare_uris"
    // recto gives headings pandoc's auto_identifiers, not GitHub's; ids are compared with `markdown`.
    "-gfm_auto_identifiers"
    // Not supported by recto (DESIGN §3): their text is kept as written and a warning points at it.
    "-definition_lists-subscript-superscript-tex_math_dollars-raw_tex"
    // Not supported by recto: `:smile:` stays text, `[ ]` in list items stays text, lists are numbered
    // 1. or 1) only, `[Heading]` is not a link to the heading, ```{=html} is an ordinary code block.
    "-emoji-task_lists-fancy_lists-implicit_header_references-raw_attribute";

json pandoc_blocks(const fs::path& md, const std::string& format) {
  RunResult r = run_command("pandoc -f " + format + " -t json '" + md.string() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out)["blocks"];
}

Blocks all_blocks(const Document& doc) {
  Blocks out;
  for (const Division& d : doc.divisions) out.insert(out.end(), d.blocks.begin(), d.blocks.end());
  return out;
}

// The first differing line of two shapes, with its neighbours, for a readable failure.
std::string first_difference(const std::string& recto, const std::string& pandoc) {
  auto lines = [](const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  };
  auto a = lines(recto), b = lines(pandoc);
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  std::string out = "first difference at shape line " + std::to_string(i + 1) + "\n";
  for (size_t j = i; j < i + 3; ++j) {
    if (j < a.size()) out += "recto:  " + a[j] + "\n";
    if (j < b.size()) out += "pandoc: " + b[j] + "\n";
  }
  return out;
}

struct Comparison {
  std::string recto_structure, pandoc_structure;
  std::vector<std::string> recto_citations, pandoc_citations, recto_figures, pandoc_figures, recto_ids, pandoc_ids;
};

Comparison compare(const fs::path& source, const fs::path& markdown_file, const fs::path& bibliography = {}) {
  ReadResult r = read(source, bibliography);
  Blocks blocks = all_blocks(r.doc);
  json markdown = pandoc_blocks(markdown_file, "markdown");
  Comparison c;
  c.recto_structure = shape_of(blocks);
  fs::path masked = fs::temp_directory_path() / ("recto-masked-" + markdown_file.filename().string());
  std::ofstream(masked, std::ios::binary) << mask_citations(read_text(markdown_file), pandoc_cite_literals(markdown));
  c.pandoc_structure = shape_of_pandoc(pandoc_blocks(masked, structure_format));
  fs::remove(masked);
  c.recto_citations = citations_of(blocks);
  c.pandoc_citations = pandoc_citations(markdown);
  c.recto_figures = figures_of(blocks);
  c.pandoc_figures = pandoc_figures(markdown);
  Document with_ids = r.doc;
  assign_identifiers(with_ids, r.diags);
  c.recto_ids = header_ids_of(all_blocks(with_ids));
  c.pandoc_ids = pandoc_header_ids(markdown);
  return c;
}

struct KnownDifference {
  const char* file;
  const char* reason;
};

// Corpus files whose block structure differs from commonmark_x's, and why. The test checks that each
// still differs, so that an entry cannot outlive its reason.
const KnownDifference structure_differences[] = {
    {"04-heading-attributes.md",
     "recto reads `{-}`, pandoc markdown's short form of {.unnumbered}; commonmark_x's attributes "
     "extension leaves it as heading text"},
};

const char* known_structure_difference(const std::string& file) {
  for (const auto& d : structure_differences) {
    if (file == d.file) return d.reason;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the reader corpus reads as pandoc 2.17 reads it", "[pandoc]") {
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator("tests/corpus/reader")) {
    if (e.path().extension() == ".md") cases.push_back(e.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 40);
  for (const fs::path& md : cases) {
    DYNAMIC_SECTION(md.filename().string()) {
      Comparison c = compare(md, md, "tests/corpus/reader/references.yaml");
      INFO(first_difference(c.recto_structure, c.pandoc_structure));
      if (const char* reason = known_structure_difference(md.filename().string())) {
        INFO("listed difference: " << reason);
        CHECK(c.recto_structure != c.pandoc_structure);
      } else {
        CHECK(c.recto_structure == c.pandoc_structure);
      }
      CHECK(c.recto_citations == c.pandoc_citations);
      CHECK(c.recto_figures == c.pandoc_figures);
      CHECK(c.recto_ids == c.pandoc_ids);
    }
  }
}

TEST_CASE("the essay reads as pandoc 2.17 reads it", "[pandoc]") {
  Comparison c = compare("source", "source/wechat-is-watching.md");
  INFO(first_difference(c.recto_structure, c.pandoc_structure));
  CHECK(c.recto_structure == c.pandoc_structure);
  CHECK(c.recto_citations.size() == 14);
  CHECK(c.recto_citations == c.pandoc_citations);
  CHECK(c.recto_figures == c.pandoc_figures);
  CHECK(c.recto_ids == c.pandoc_ids);
}
