// The shape memo: texts shaped in one build are lent to the next the same as shaping them again, and
// only while the faces' files and the memo are as they were; texts set in fallback faces are not kept.
#include <catch2/catch.hpp>

#include <fstream>
#include <thread>

#include "shape_memo.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;
using recto::text::FontFace;
using recto::text::FontLibrary;
using recto::text::Hyphenator;
using recto::text::ShapeCache;
using recto::text::ShapedText;
using recto::text::ShapeMemo;
using recto::text::Shaper;
using recto::text::TextStyle;

namespace {

const std::vector<std::string> kWords = {"communication", "WeChat,", "office", "“Surveillance”", "2019."};

bool same(const ShapedText& a, const ShapedText& b) {
  if (a.text != b.text || a.missing != b.missing || a.breaks != b.breaks || a.hyphens != b.hyphens ||
      a.runs.size() != b.runs.size()) {
    return false;
  }
  for (std::size_t r = 0; r < a.runs.size(); ++r) {
    const auto &x = a.runs[r], &y = b.runs[r];
    if (x.face != y.face || x.begin != y.begin || x.end != y.end || x.rtl != y.rtl || x.advance != y.advance ||
        x.glyphs.size() != y.glyphs.size()) {
      return false;
    }
    for (std::size_t g = 0; g < x.glyphs.size(); ++g) {
      const auto &p = x.glyphs[g], &q = y.glyphs[g];
      if (p.id != q.id || p.advance != q.advance || p.x_offset != q.x_offset || p.y_offset != q.y_offset ||
          p.cluster != q.cluster || p.text_length != q.text_length) {
        return false;
      }
    }
  }
  return true;
}

// A build's shaping: the words shaped in a cache, with hyphenation points, and recorded in a memo.
void shape_and_save(const fs::path& memo_file, FontLibrary& fonts, const TextStyle& style,
                    const std::vector<std::string>& words) {
  ShapeCache cache;
  Hyphenator hyphenator;
  Shaper shaper(fonts, &cache, &hyphenator);
  for (const std::string& w : words) shaper.shape(w, style);
  ShapeMemo memo(memo_file);
  memo.record(cache, true);
  memo.save();
}

// A font file of the test's own, which it may change.
struct OwnFont {
  TempDir dir;
  fs::path path = dir.path / "Serif.otf";
  OwnFont() { fs::copy_file("/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf", path); }
};

}  // namespace

TEST_CASE("a shape memo lends the next build what a build shaped, as shaping it again would give, for the faces it uses",
          "[fonts]") {
  TempDir dir;
  const fs::path file = dir.path / "book.memo";
  {
    FontLibrary fonts;
    const FontFace* face = fonts.find({"EB Garamond 12", false, false});
    REQUIRE(face);
    shape_and_save(file, fonts, {face, face, false, false, "en"}, kWords);
  }
  REQUIRE(fs::exists(file));

  FontLibrary fonts;
  const FontFace* face = fonts.find({"EB Garamond 12", false, false});
  const TextStyle style{face, face, false, false, "en"};
  ShapeMemo memo(file);
  REQUIRE(memo.load(fonts));
  ShapeCache lent, unhyphenated;
  memo.lend(lent, true);
  memo.lend(unhyphenated, false);
  Hyphenator hyphenator;
  Shaper fresh(fonts, nullptr, &hyphenator);
  for (const std::string& w : kWords) {
    INFO(w);
    const ShapedText* kept = lent.find(recto::text::shape_key(w, style));
    REQUIRE(kept);
    CHECK(same(*kept, fresh.shape(w, style)));
    CHECK_FALSE(unhyphenated.find(recto::text::shape_key(w, style)));
  }
  CHECK(lent.find(recto::text::shape_key("other", style)) == nullptr);

  // A build whose themes do not use the face is lent none of its texts.
  FontLibrary other_fonts;
  ShapeMemo unused(file);
  REQUIRE(unused.load(other_fonts));
  ShapeCache none;
  unused.lend(none, true);
  std::size_t texts = 0;
  none.each([&](auto&&...) { ++texts; });
  CHECK(texts == 0);
}

TEST_CASE("a shape memo holds nothing once a face's file or a language's patterns changed, or when it is damaged",
          "[fonts]") {
  TempDir dir;
  OwnFont own;
  const fs::path file = dir.path / "book.memo";
  {
    FontLibrary fonts;
    const FontFace* face = fonts.opened(own.path.string(), 0);
    REQUIRE(face);
    shape_and_save(file, fonts, {face, nullptr, false, false, "en"}, kWords);
  }
  FontLibrary fonts;
  REQUIRE(ShapeMemo(file).load(fonts));
  SECTION("the face's file changed") {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::ofstream(own.path, std::ios::app) << "changed";
    CHECK_FALSE(ShapeMemo(file).load(fonts));
  }
  SECTION("the language's pattern file is another") {
    std::string bytes = read_text(file);
    const std::string installed = "language en\t" + recto::text::Hyphenator::pattern_file("en") + "\n";
    REQUIRE(bytes.find(installed) != std::string::npos);
    bytes.replace(bytes.find(installed), installed.size(), "language en\t/usr/share/hyphen/hyph_en_GB.dic\n");
    write_file(file, bytes);
    CHECK_FALSE(ShapeMemo(file).load(fonts));
  }
  SECTION("the memo cut short") {
    fs::resize_file(file, fs::file_size(file) - 3);
    CHECK_FALSE(ShapeMemo(file).load(fonts));
  }
  SECTION("the memo with bytes after its texts") {
    std::ofstream(file, std::ios::app) << "x";
    CHECK_FALSE(ShapeMemo(file).load(fonts));
  }
}

TEST_CASE("a shape memo keeps no text set in a fallback face", "[fonts]") {
  TempDir dir;
  const fs::path file = dir.path / "book.memo";
  FontLibrary fonts;
  const FontFace* face = fonts.find({"EB Garamond 12", false, false});
  shape_and_save(file, fonts, {face, face, false, false, "zh"}, {"隐私"});  // EB Garamond has no Han
  CHECK_FALSE(fs::exists(file));
}

TEST_CASE("a shape memo that cannot be written costs nothing but time", "[fonts]") {
  FontLibrary fonts;
  const FontFace* face = fonts.find({"EB Garamond 12", false, false});
  CHECK_NOTHROW(shape_and_save("/dev/null/recto/book.memo", fonts, {face, face, false, false, "en"}, kWords));
  CHECK_FALSE(ShapeMemo("/dev/null/recto/book.memo").load(fonts));
}
