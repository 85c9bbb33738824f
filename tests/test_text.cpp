// Fonts by family and style; shaping with ligatures, kerning and per-character fallback; bidi.
#include <catch2/catch.hpp>

#include <deque>
#include <string>

#include "font_library.hpp"
#include "shaped_by_text.hpp"
#include "shaper.hpp"

using namespace recto::text;

namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

const ShapedRun* run_at(const ShapedText& shaped, std::size_t byte) {
  for (const ShapedRun& run : shaped.runs) {
    if (run.begin <= byte && byte < run.end) return &run;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("EB Garamond 12 is found in its real regular, italic and bold faces, all CFF", "[text]") {
  FontLibrary fonts;
  const FontFace* regular = fonts.find({"EB Garamond 12", false, false});
  const FontFace* italic = fonts.find({"EB Garamond 12", false, true});
  const FontFace* bold = fonts.find({"EB Garamond 12", true, false});
  REQUIRE(regular);
  REQUIRE(italic);
  REQUIRE(bold);
  CHECK(ends_with(regular->path, "EBGaramond12-Regular.otf"));
  CHECK(ends_with(italic->path, "EBGaramond12-Italic.otf"));
  CHECK(ends_with(bold->path, "EBGaramond12-Bold.otf"));
  CHECK(regular->cff);
  CHECK(italic->cff);
  CHECK(bold->cff);
  CHECK(italic->italic);
  CHECK(italic->italic_angle < 0);
  CHECK(bold->bold);
  CHECK_FALSE(regular->bold);
  CHECK(fonts.find({"eb garamond 12", false, false}) == regular);
  CHECK(fonts.files().size() == 3);
}

TEST_CASE("Noto Serif is found in its real faces, TrueType", "[text]") {
  FontLibrary fonts;
  const FontFace* regular = fonts.find({"Noto Serif", false, false});
  const FontFace* italic = fonts.find({"Noto Serif", false, true});
  const FontFace* bold = fonts.find({"Noto Serif", true, false});
  REQUIRE(regular);
  REQUIRE(italic);
  REQUIRE(bold);
  CHECK(ends_with(regular->path, "NotoSerif-Regular.ttf"));
  CHECK(ends_with(italic->path, "NotoSerif-Italic.ttf"));
  CHECK(ends_with(bold->path, "NotoSerif-Bold.ttf"));
  CHECK_FALSE(regular->cff);
  CHECK_FALSE(italic->cff);
  CHECK(regular->family == "Noto Serif");
  CHECK(regular->upem > 0);
  CHECK(regular->ascender > 0);
  CHECK(regular->descender < 0);
}

TEST_CASE("a family that is not installed is not replaced by a substitute", "[text]") {
  FontLibrary fonts;
  CHECK(fonts.find({"Recto No Such Family", false, false}) == nullptr);
  CHECK(fonts.find({"Recto No Such Family", true, true}) == nullptr);
  CHECK(fonts.files().empty());
  CHECK(debian_package_for("EB Garamond 12") == "fonts-ebgaramond");
  CHECK(debian_package_for("noto serif") == "fonts-noto-core");
  CHECK(debian_package_for("DejaVu Sans Mono") == "fonts-dejavu-core");
  CHECK(debian_package_for("Recto No Such Family").empty());
}

TEST_CASE("shaping sets the ffi ligature as one glyph standing for three characters", "[text]") {
  FontLibrary fonts;
  Shaper shaper(fonts);
  const FontFace* face = fonts.find({"Noto Serif", false, false});
  REQUIRE(face);
  const ShapedText& shaped = shaper.shape("office", {face, nullptr, false, false, "en"});
  REQUIRE(shaped.runs.size() == 1);
  const std::vector<ShapedGlyph>& glyphs = shaped.runs[0].glyphs;
  REQUIRE(glyphs.size() == 4);  // o, ffi, c, e
  CHECK(glyphs[1].cluster == 1);
  CHECK(glyphs[2].cluster == 4);
  CHECK(shaped.missing.empty());
}

TEST_CASE("EB Garamond 12 sets its ffi ligature as three joining pieces", "[text]") {
  // This cut's liga feature replaces f, f, i by f._f, f._i and i.dotless, one glyph per letter.
  FontLibrary fonts;
  Shaper shaper(fonts);
  const FontFace* face = fonts.find({"EB Garamond 12", false, false});
  REQUIRE(face);
  const ShapedText& shaped = shaper.shape("office", {face, nullptr, false, false, "en"});
  REQUIRE(shaped.runs.size() == 1);
  const std::vector<ShapedGlyph>& glyphs = shaped.runs[0].glyphs;
  REQUIRE(glyphs.size() == 6);
  hb_codepoint_t f = 0, i = 0;
  REQUIRE(hb_font_get_nominal_glyph(face->font, 'f', &f));
  REQUIRE(hb_font_get_nominal_glyph(face->font, 'i', &i));
  CHECK(glyphs[1].id != f);
  CHECK(glyphs[2].id != f);
  CHECK(glyphs[3].id != i);
}

TEST_CASE("shaping applies kerning", "[text]") {
  FontLibrary fonts;
  Shaper shaper(fonts);
  const FontFace* face = fonts.find({"EB Garamond 12", false, false});
  REQUIRE(face);
  for (const char* pair : {"AV", "To"}) {
    const ShapedText& shaped = shaper.shape(pair, {face, nullptr, false, false, "en"});
    REQUIRE(shaped.runs.size() == 1);
    int kerned = 0, nominal = 0;
    for (const ShapedGlyph& g : shaped.runs[0].glyphs) {
      kerned += g.advance;
      nominal += face->advance(g.id);
    }
    CHECK(kerned < nominal);
    CHECK(shaped.runs[0].width(10) == Approx(kerned * 10.0 / face->upem));
  }
}

TEST_CASE("Chinese in a Latin face falls back to a face that has it", "[text]") {
  FontLibrary fonts;
  Shaper shaper(fonts);
  const FontFace* face = fonts.find({"Noto Serif", false, false});
  REQUIRE(face);
  std::string text = "a 隐私 b";
  const ShapedText& shaped = shaper.shape(text, {face, nullptr, false, false, "en"});
  CHECK(shaped.missing.empty());
  const ShapedRun* chinese = run_at(shaped, 2);
  REQUIRE(chinese);
  CHECK(chinese->face != face);
  CHECK(chinese->face->has_char(U'隐'));
  CHECK(chinese->face->has_char(U'私'));
  CHECK(chinese->glyphs.front().cluster == 2);  // byte offsets into the whole text
  CHECK(run_at(shaped, 0)->face == face);
  CHECK(run_at(shaped, text.size() - 1)->face == face);
  const ShapedText& in_chinese = shaper.shape("隐私", {face, nullptr, false, false, "zh"});
  REQUIRE(in_chinese.runs.size() == 1);
  CHECK(in_chinese.runs[0].face->has_char(U'隐'));
}

TEST_CASE("a character that no font has is listed and set as .notdef", "[text]") {
  FontLibrary fonts;
  Shaper shaper(fonts);
  const FontFace* face = fonts.find({"Noto Serif", false, false});
  REQUIRE(face);
  std::string text = "x\U0010FFFDy";
  const ShapedText& shaped = shaper.shape(text, {face, nullptr, false, false, "en"});
  REQUIRE(shaped.missing == std::vector<std::size_t>{1});
  REQUIRE(shaped.runs.size() == 1);
  CHECK(shaped.runs[0].face == face);
  CHECK(shaped.runs[0].glyphs[1].id == 0);
}

TEST_CASE("quotes and dashes that EB Garamond Bold lacks come from a fallback face", "[text]") {
  FontLibrary fonts;
  Shaper shaper(fonts);
  const FontFace* bold = fonts.find({"EB Garamond 12", true, false});
  REQUIRE(bold);
  REQUIRE_FALSE(bold->has_char(U'“'));
  std::string text = "“Bold”—text";
  const ShapedText& shaped = shaper.shape(text, {bold, nullptr, true, false, "en"});
  CHECK(shaped.missing.empty());
  const ShapedRun* quote = run_at(shaped, 0);
  REQUIRE(quote);
  CHECK(quote->face != bold);
  CHECK(quote->face->has_char(U'“'));
  CHECK(run_at(shaped, text.find("Bold"))->face == bold);
  CHECK(run_at(shaped, text.find("—"))->face->has_char(U'—'));
  for (const ShapedRun& run : shaped.runs) {
    for (const ShapedGlyph& g : run.glyphs) CHECK(g.id != 0);
  }
}

TEST_CASE("the family's upright face is tried before other fallbacks", "[text]") {
  FontLibrary fonts;
  Shaper shaper(fonts);
  const FontFace* bold = fonts.find({"EB Garamond 12", true, false});
  const FontFace* regular = fonts.find({"EB Garamond 12", false, false});
  REQUIRE(bold);
  REQUIRE(regular);
  const ShapedText& shaped = shaper.shape("“Bold”", {bold, regular, true, false, "en"});
  CHECK(run_at(shaped, 0)->face == regular);
  CHECK(run_at(shaped, 3)->face == bold);
}

TEST_CASE("Arabic is shaped right to left, glyphs and runs in visual order", "[text]") {
  FontLibrary fonts;
  Shaper shaper(fonts);
  const FontFace* face = fonts.find({"Noto Serif", false, false});
  REQUIRE(face);
  std::string arabic = "مرحبا";
  const ShapedText& word = shaper.shape(arabic, {face, nullptr, false, false, "ar"});
  CHECK(word.missing.empty());
  REQUIRE(word.runs.size() == 1);
  const ShapedRun& run = word.runs[0];
  CHECK(run.rtl);
  CHECK(run.face->has_char(U'م'));
  REQUIRE(run.glyphs.size() >= 2);
  CHECK(run.glyphs.front().cluster > run.glyphs.back().cluster);  // the last letter is leftmost

  // In a right-to-left paragraph, the Latin word that follows the Arabic one is shown left of it.
  const ShapedText& mixed = shaper.shape(arabic + " abc", {face, nullptr, false, false, "ar"});
  REQUIRE(mixed.runs.size() == 2);
  CHECK_FALSE(mixed.runs[0].rtl);
  CHECK(mixed.runs[0].begin > mixed.runs[1].begin);
  CHECK(mixed.runs[1].rtl);
}

TEST_CASE("bidi levels are odd on right-to-left bytes, and reorder items", "[text]") {
  std::string text = "abc שלום def";
  std::vector<std::uint8_t> levels = bidi_levels(text, false);
  REQUIRE(levels.size() == text.size());
  std::size_t hebrew = text.find("ש");
  std::size_t after = text.find(" def");
  for (std::size_t b = 0; b < text.size(); ++b) {
    INFO("byte " << b);
    CHECK(levels[b] % 2 == (b >= hebrew && b < after ? 1 : 0));
  }
  CHECK(bidi_levels(text, true)[0] == 2);
  CHECK(bidi_levels("", false).empty());
  CHECK(visual_order({0, 0, 1, 1, 0}) == std::vector<int>{0, 1, 3, 2, 4});
  CHECK(rtl_language("ar"));
  CHECK(rtl_language("he"));
  CHECK_FALSE(rtl_language("en"));
  CHECK_FALSE(rtl_language(""));
}

TEST_CASE("shapings are found again by their text, also once the table has grown", "[text]") {
  std::deque<ShapedText> kept;
  ShapedByText table;
  CHECK(table.find("word") == nullptr);
  for (int i = 0; i < 5000; ++i) {
    kept.push_back(ShapedText{"word" + std::to_string(i), {}, {}, {}, {}});
    table.add(kept.back());
  }
  for (int i = 0; i < 5000; i += 7) CHECK(table.find("word" + std::to_string(i)) == &kept[static_cast<std::size_t>(i)]);
  CHECK(table.find("word") == nullptr);
  CHECK(table.find("word5000") == nullptr);
  CHECK(table.find("") == nullptr);
}

TEST_CASE("shaped text is cached by face, style, language and text", "[text]") {
  FontLibrary fonts;
  Shaper shaper(fonts);
  const FontFace* face = fonts.find({"EB Garamond 12", false, false});
  REQUIRE(face);
  const ShapedText& first = shaper.shape("typeset", {face, nullptr, false, false, "en"});
  CHECK(&shaper.shape("typeset", {face, nullptr, false, false, "en"}) == &first);
  CHECK(&shaper.shape("typeset", {face, nullptr, false, false, "de"}) != &first);
  CHECK(&shaper.shape("typesetting", {face, nullptr, false, false, "en"}) != &first);
}
