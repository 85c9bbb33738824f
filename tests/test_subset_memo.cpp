// The subset memo: a subset kept between runs is given back only for the same glyphs of the same
// font file, whole; the cache keeps the newest subsets; a PDF made from it is the one hb-subset gives.
#include <catch2/catch.hpp>

#include <hb.h>

#include <fstream>
#include <thread>

#include "font_face.hpp"
#include "font_subset.hpp"
#include "pdf_font.hpp"
#include "subset_memo.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;
using recto::pdf::EmbeddedSubset;
using recto::pdf::SubsetMemo;

namespace {

const std::set<std::uint32_t> kGlyphs = {0, 36, 37, 38};
const EmbeddedSubset kSubset{"deflated program", 4096, {0, 36, 37, 38}};

bool same(const std::optional<EmbeddedSubset>& a, const EmbeddedSubset& b) {
  return a && a->program == b.program && a->program_length == b.program_length && a->old_glyph == b.old_glyph;
}

}  // namespace

TEST_CASE("a subset memo gives back the subset of the same glyphs of an unchanged font, whole", "[pdf]") {
  TempDir cache;
  CacheHome home(cache.path.string());
  OwnFace font;
  CHECK_FALSE(SubsetMemo(*font.face, kGlyphs).load());
  SubsetMemo(*font.face, kGlyphs).save(kSubset);
  CHECK(same(SubsetMemo(*font.face, kGlyphs).load(), kSubset));

  SECTION("other glyphs") {
    CHECK_FALSE(SubsetMemo(*font.face, {0, 36, 37}).load());
  }
  SECTION("the font file changed") {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::ofstream(font.path, std::ios::app) << "changed";
    CHECK_FALSE(SubsetMemo(*font.face, kGlyphs).load());
  }
  SECTION("the entry cut short, or longer") {
    const fs::path subsets = cache.path / "recto" / "subsets";
    REQUIRE(files_with_extension(subsets, ".subset") == 1);
    const fs::path entry = fs::directory_iterator(subsets)->path();
    const auto size = fs::file_size(entry);
    fs::resize_file(entry, size - 1);
    CHECK_FALSE(SubsetMemo(*font.face, kGlyphs).load());
    fs::resize_file(entry, size + 1);
    CHECK_FALSE(SubsetMemo(*font.face, kGlyphs).load());
    SubsetMemo(*font.face, kGlyphs).save(kSubset);
    CHECK(same(SubsetMemo(*font.face, kGlyphs).load(), kSubset));
  }
}

TEST_CASE("a PDF font made from the subset memo is the one hb-subset made", "[pdf]") {
  TempDir cache;
  CacheHome home(cache.path.string());
  OwnFace font;
  hb_codepoint_t e_acute = 0;
  REQUIRE(hb_font_get_nominal_glyph(font.face->font, U'é', &e_acute));
  recto::pdf::FontUsage usage{font.face.get(), {0, 36, e_acute}, {{36, "A"}, {e_acute, "é"}}};
  const recto::pdf::PdfFont made = recto::pdf::make_pdf_font(usage);  // hb-subset, then kept
  REQUIRE(files_with_extension(cache.path / "recto" / "subsets", ".subset") == 1);
  const recto::pdf::PdfFont kept = recto::pdf::make_pdf_font(usage);  // from the memo
  CHECK(kept.base_font == made.base_font);
  CHECK(kept.program == made.program);
  CHECK(kept.program_length == made.program_length);
  const recto::pdf::FontSubset subset = recto::pdf::subset_font(*font.face, usage.glyphs);
  CHECK(kept.program_length == subset.program.size());
  CHECK(kept.widths == made.widths);
  CHECK(kept.widths.size() == subset.old_glyph.size());  // é's parts included
  CHECK(kept.to_unicode == made.to_unicode);
  CHECK(kept.code == made.code);
  CHECK(kept.text == made.text);
}

TEST_CASE("a subset memo keeps the newest subsets only", "[pdf]") {
  TempDir cache;
  CacheHome home(cache.path.string());
  OwnFace font;
  const std::uint32_t saved = SubsetMemo::kKept + 3;
  for (std::uint32_t i = 1; i <= saved; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // file times a clock tick apart
    SubsetMemo(*font.face, {0, i}).save(kSubset);
  }
  CHECK(files_with_extension(cache.path / "recto" / "subsets", ".subset") == SubsetMemo::kKept);
  CHECK_FALSE(SubsetMemo(*font.face, {0, 1}).load());
  CHECK(same(SubsetMemo(*font.face, {0, saved}).load(), kSubset));
}

TEST_CASE("a subset memo that cannot be written costs nothing but time", "[pdf]") {
  CacheHome home("/dev/null/unwritable");
  OwnFace font;
  CHECK_NOTHROW(SubsetMemo(*font.face, kGlyphs).save(kSubset));
  CHECK_FALSE(SubsetMemo(*font.face, kGlyphs).load());
}
