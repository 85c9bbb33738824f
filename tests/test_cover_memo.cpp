// The cover memo: a cover kept between runs is given back only for the same glyphs of the same font
// files, whole; the cache keeps the newest covers; and a build served from it writes the same bytes.
#include <catch2/catch.hpp>

#include <fstream>
#include <thread>

#include "cover_memo.hpp"
#include "font_face.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;
using recto::cover::CoverMemo;
using recto::cover::PlacedGlyph;

namespace {

std::vector<PlacedGlyph> glyphs_of(const recto::text::FontFace* face, std::int64_t x) {
  return {{face, 36, 160, x, 9000}, {face, 37, 160, x + 6400, 9000}};
}

const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + "pixels" + std::string("\0\0\0\0IEND\xae\x42\x60\x82", 12);

}  // namespace

TEST_CASE("a cover memo gives back the cover of the same glyphs, of unchanged fonts, whole", "[cover]") {
  TempDir cache;
  CacheHome home(cache.path.string());
  OwnFace font;
  CHECK_FALSE(CoverMemo(glyphs_of(font.face.get(), 640)).load());
  CoverMemo(glyphs_of(font.face.get(), 640)).save(kPng);
  CHECK(CoverMemo(glyphs_of(font.face.get(), 640)).load() == kPng);

  SECTION("other glyphs") {
    CHECK_FALSE(CoverMemo(glyphs_of(font.face.get(), 641)).load());
  }
  SECTION("the font file changed") {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::ofstream(font.path, std::ios::app) << "changed";
    CHECK_FALSE(CoverMemo(glyphs_of(font.face.get(), 640)).load());
  }
  SECTION("the entry cut short") {
    const fs::path covers = cache.path / "recto" / "covers";
    REQUIRE(files_with_extension(covers, ".png") == 1);
    for (const auto& e : fs::directory_iterator(covers)) fs::resize_file(e.path(), kPng.size() - 1);
    CHECK_FALSE(CoverMemo(glyphs_of(font.face.get(), 640)).load());
    CoverMemo(glyphs_of(font.face.get(), 640)).save(kPng);
    CHECK(CoverMemo(glyphs_of(font.face.get(), 640)).load() == kPng);
  }
}

TEST_CASE("a cover memo keeps the newest covers only", "[cover]") {
  TempDir cache;
  CacheHome home(cache.path.string());
  OwnFace font;
  const std::size_t saved = CoverMemo::kKept + 3;
  for (std::size_t i = 0; i < saved; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));  // file times a clock tick apart
    CoverMemo(glyphs_of(font.face.get(), static_cast<std::int64_t>(i))).save(kPng);
  }
  CHECK(files_with_extension(cache.path / "recto" / "covers", ".png") == CoverMemo::kKept);
  CHECK_FALSE(CoverMemo(glyphs_of(font.face.get(), 0)).load());
  CHECK(CoverMemo(glyphs_of(font.face.get(), static_cast<std::int64_t>(saved - 1))).load() == kPng);
}

TEST_CASE("a cover memo that cannot be written costs nothing but time", "[cover]") {
  CacheHome home("/dev/null/unwritable");
  OwnFace font;
  CHECK_NOTHROW(CoverMemo(glyphs_of(font.face.get(), 640)).save(kPng));
  CHECK_FALSE(CoverMemo(glyphs_of(font.face.get(), 640)).load());
}
