// The PDF writer on a hand-made PagedDoc: fonts, text, images, rules, links, bookmarks and labels,
// checked with qpdf, poppler and MuPDF; and its pure parts (labels, number spelling, CMaps).
#include <catch2/catch.hpp>

#include <hb.h>
#include <png.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "font_face.hpp"
#include "font_subset.hpp"
#include "glyph_run_operators.hpp"
#include "page_labels.hpp"
#include "pdf_syntax.hpp"
#include "pdf_writer.hpp"
#include "support.hpp"
#include "to_unicode_cmap.hpp"

namespace fs = std::filesystem;
using namespace recto;
using recto::test::run_command;

namespace {

const char* const kGaramond =
    "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf";                    // CFF
const char* const kNotoSerif = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf";  // TrueType
const char* const kDroidFallback =
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";  // CJK
const char* const kDejaVuSerif =
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";  // 2048 units per em

// Plain HarfBuzz shaping, as the typesetter does it: kerning and ligatures on, one run, no breaks.
// Each glyph's text is its cluster's text on the cluster's first glyph and "" on the others.
typeset::GlyphRun shape(const text::FontFace& face, const std::string& text, double size, double x,
                        double y) {
  hb_buffer_t* buffer = hb_buffer_create();
  hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), 0,
                     static_cast<int>(text.size()));
  hb_buffer_guess_segment_properties(buffer);
  hb_shape(face.font, buffer, nullptr, 0);
  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
  const hb_glyph_position_t* position = hb_buffer_get_glyph_positions(buffer, &count);
  typeset::GlyphRun run;
  run.face = &face;
  run.size = size;
  run.x = x;
  run.y = y;
  double pen = 0;
  for (unsigned i = 0; i < count; ++i) {
    const double glyph_x = pen + position[i].x_offset * size / face.upem;
    pen += position[i].x_advance * size / face.upem;
    std::string glyph_text;
    if (i == 0 || info[i].cluster != info[i - 1].cluster) {
      std::size_t end = text.size();
      for (unsigned j = i + 1; j < count; ++j) {
        if (info[j].cluster != info[i].cluster) {
          end = info[j].cluster;
          break;
        }
      }
      glyph_text = text.substr(info[i].cluster, end - info[i].cluster);
    }
    run.add_glyph(info[i].codepoint, glyph_x, glyph_text);
  }
  hb_buffer_destroy(buffer);
  return run;
}

void write_to_string(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))
      ->append(reinterpret_cast<const char*>(data), length);
}
void flush_nothing(png_structp) {}

// A PNG of a colour gradient in any colour type and bit depth, interlaced or not; palette images
// get a 16-colour palette with some transparent entries.
std::string make_png(unsigned width, unsigned height, int color_type, int bit_depth,
                     bool interlaced) {
  std::string file;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  png_set_write_fn(png, &file, write_to_string, flush_nothing);
  png_set_IHDR(png, info, width, height, bit_depth, color_type,
               interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  if (color_type == PNG_COLOR_TYPE_PALETTE) {
    png_color palette[16];
    png_byte alpha[16];
    for (int i = 0; i < 16; ++i) {
      palette[i] = {static_cast<png_byte>(i * 16), static_cast<png_byte>(255 - i * 16), 128};
      alpha[i] = static_cast<png_byte>(i < 4 ? 0 : 255);
    }
    png_set_PLTE(png, info, palette, 16);
    png_set_tRNS(png, info, alpha, 16, nullptr);
  }
  png_write_info(png, info);
  if (bit_depth < 8) png_set_packing(png);  // one sample per byte in, packed in the file
  const int channels = png_get_channels(png, info);
  const int bytes_per_sample = bit_depth == 16 ? 2 : 1;
  const unsigned max = (1u << bit_depth) - 1;
  std::vector<png_byte> pixels(static_cast<std::size_t>(width) * height * channels *
                               bytes_per_sample);
  std::vector<png_bytep> rows(height);
  for (unsigned y = 0; y < height; ++y) {
    rows[y] = pixels.data() + static_cast<std::size_t>(y) * width * channels * bytes_per_sample;
    for (unsigned x = 0; x < width; ++x) {
      for (int c = 0; c < channels; ++c) {
        unsigned value = color_type == PNG_COLOR_TYPE_PALETTE ? (x + y) % 16
                         : c == 3                             ? max * x / (width - 1)  // alpha
                                  : max * ((x + y * (c + 1)) % width) / (width - 1);
        png_bytep sample =
            rows[y] + (static_cast<std::size_t>(x) * channels + c) * bytes_per_sample;
        if (bytes_per_sample == 2) {
          sample[0] = static_cast<png_byte>(value >> 8);
          sample[1] = static_cast<png_byte>(value & 0xFF);
        } else {
          sample[0] = static_cast<png_byte>(value);
        }
      }
    }
  }
  if (interlaced) png_set_interlace_handling(png);
  png_write_image(png, rows.data());
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return file;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Fonts {
  std::unique_ptr<text::FontFace> garamond = text::FontFace::open(kGaramond);
  std::unique_ptr<text::FontFace> noto = text::FontFace::open(kNotoSerif);
  std::unique_ptr<text::FontFace> droid = text::FontFace::open(kDroidFallback);
};

typeset::PlacedImage image(std::string data, const char* type, double x, double y) {
  typeset::PlacedImage i;
  i.data = std::move(data);
  i.media_type = type;
  i.x = x;
  i.y = y;
  i.width = 48;
  i.height = 32;
  return i;
}

// Two pages: three fonts (CFF, TrueType, CJK TrueType), ligatures, quotes and dashes, five images,
// a rule, a URI link and an internal link; bookmarks on two levels; labels "iv" and "1".
typeset::PagedDoc sample_doc(const Fonts& f) {
  typeset::PagedDoc doc;
  doc.width = 432;
  doc.height = 648;
  typeset::Page one;
  one.label = "iv";
  one.runs.push_back(shape(*f.garamond, "The office “quoted” — and – dashes", 12, 72, 560));
  one.runs.push_back(shape(*f.noto, "Efficient ‘fluffy’ offices… café", 11, 72, 540));
  one.runs.push_back(shape(*f.droid, "隐私", 11, 72, 520));
  one.rules.push_back({72, 505, 288, 0.5});
  one.images.push_back(image(make_png(40, 24, PNG_COLOR_TYPE_RGB, 16, true), "image/png", 72, 400));
  one.images.push_back(
      image(make_png(40, 24, PNG_COLOR_TYPE_PALETTE, 4, false), "image/png", 130, 400));
  one.images.push_back(
      image(make_png(40, 24, PNG_COLOR_TYPE_RGB_ALPHA, 8, true), "image/png", 188, 400));
  one.images.push_back(
      image(make_png(40, 24, PNG_COLOR_TYPE_GRAY, 2, false), "image/png", 246, 400));
  one.images.push_back(
      image(read_file("tests/corpus/books/multi/images/lantern.jpg"), "image/jpeg", 304, 400));
  one.links.push_back({72, 555, 100, 14, "https://example.org/wechat?q=隐私 1", -1, 0, ""});
  one.links.push_back({72, 535, 100, 14, "", 1, 600, "page-2"});
  doc.pages.push_back(std::move(one));

  typeset::Page two;
  two.label = "1";
  two.runs.push_back(shape(*f.garamond, "Second page, officially.", 12, 72, 600));
  // The hyphen-minus glyph set for U+2010 HYPHEN: other text than its ToUnicode entry ("-").
  two.runs.push_back(shape(*f.garamond, "well-known", 12, 72, 580));
  typeset::GlyphRun hyphen = shape(*f.garamond, "re-enter", 12, 72, 560);
  REQUIRE(hyphen.text_of(2) == "-");
  typeset::GlyphRun u2010 = hyphen;
  u2010.text.clear();
  u2010.glyphs.clear();
  for (std::size_t i = 0; i < hyphen.glyphs.size(); ++i) {
    u2010.add_glyph(hyphen.glyphs[i].id, hyphen.glyphs[i].x, i == 2 ? "\u2010" : hyphen.text_of(i));
  }
  two.runs.push_back(u2010);
  doc.pages.push_back(std::move(two));

  doc.outline = {{1, "Chapter “One”", 0, 600}, {2, "Section é", 0, 560}, {1, "隐私 😀", 1, 620}};
  doc.info.title = "WeChat Is Watching — “隐私” 😀";
  doc.info.author = "Barclay Bram";
  doc.info.creator = "recto";
  doc.info.lang = "en-GB";
  doc.info.timestamp = 1546300800;  // 2019-01-01T00:00:00Z
  doc.info.id_seed = "WeChat Is Watching|Barclay Bram|urn:isbn:0000";
  return doc;
}

struct TempPdf {
  fs::path path;
  explicit TempPdf(const std::string& bytes) {
    static std::mt19937 rng{std::random_device{}()};
    path = fs::temp_directory_path() / ("recto-pdf-" + std::to_string(rng()) + ".pdf");
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempPdf() { fs::remove(path); }
  std::string quoted() const { return "'" + path.string() + "'"; }
};

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("the PDF of a hand-made PagedDoc passes qpdf, poppler and MuPDF", "[pdf]") {
  Fonts fonts;
  REQUIRE(fonts.garamond);
  REQUIRE(fonts.noto);
  REQUIRE(fonts.droid);
  REQUIRE(fonts.garamond->cff);
  REQUIRE_FALSE(fonts.noto->cff);
  const typeset::PagedDoc doc = sample_doc(fonts);
  const std::string bytes = pdf::write_pdf(doc);
  TempPdf file(bytes);

  SECTION("qpdf finds no error and no warning") {
    auto r = run_command("qpdf --check " + file.quoted());
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("No syntax or stream encoding errors found") != std::string::npos);
    CHECK(r.out.find("WARNING") == std::string::npos);
    CHECK(r.err.empty());
  }

  SECTION("every font is embedded, subset and has a ToUnicode map") {
    auto r = run_command("pdffonts " + file.quoted());
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    std::vector<std::string> rows = lines(r.out);
    REQUIRE(rows.size() == 2 + 3);  // header, rule, one row per font
    for (std::size_t i = 2; i < rows.size(); ++i) {
      INFO(rows[i]);
      CHECK(rows[i].find("yes yes yes") != std::string::npos);
      CHECK(rows[i].find("Identity-H") != std::string::npos);
      CHECK(rows[i][6] == '+');  // a subset tag
    }
    CHECK(r.out.find("EBGaramond12-Regular") != std::string::npos);
    CHECK(r.out.find("CID Type 0C") != std::string::npos);
    CHECK(r.out.find("NotoSerif-Regular") != std::string::npos);
    CHECK(r.out.find("CID TrueType") != std::string::npos);
  }

  SECTION("pdftotext returns the exact text, ligatures as letters") {
    auto r = run_command("pdftotext -enc UTF-8 " + file.quoted() + " -");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out ==
          "The office “quoted” — and – dashes\n"
          "Efficient ‘fluffy’ offices… café\n"
          "隐私\n\n\f"
          "Second page, officially.\n"
          "well-known\n"
          "re\u2010enter\n\n\f");
  }

  SECTION("pdfinfo reads the info in UTF-8 and says nothing on stderr") {
    auto r = run_command("pdfinfo -enc UTF-8 " + file.quoted());
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("Title:           WeChat Is Watching — “隐私” 😀\n") != std::string::npos);
    CHECK(r.out.find("Author:          Barclay Bram\n") != std::string::npos);
    CHECK(r.out.find("Creator:         recto\n") != std::string::npos);
    CHECK(r.out.find("Pages:           2\n") != std::string::npos);
    CHECK(r.out.find("Page size:       432 x 648 pts") != std::string::npos);
    CHECK(r.out.find("CreationDate:    Tue Jan  1 00:00:00 2019 UTC") != std::string::npos);
  }

  SECTION("MuPDF renders every page without a warning") {
    auto r = run_command("mutool draw -q -o /dev/null " + file.quoted());
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    for (const std::string& line : lines(r.err)) {
      INFO(line);
      CHECK(line.find("ICC") !=
            std::string::npos);  // Debian's MuPDF warns about its own ICC profiles
    }
  }

  SECTION("bookmarks, page labels, /Lang, DisplayDocTitle and /ID are in place") {
    auto r = run_command("qpdf --json --json-key=outlines --json-key=pagelabels " + file.quoted());
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("\"title\": \"Chapter “One”\"") != std::string::npos);
    CHECK(r.out.find("\"title\": \"Section é\"") != std::string::npos);
    CHECK(r.out.find("\"title\": \"隐私 😀\"") != std::string::npos);  // beyond the BMP
    CHECK(r.out.find("\"/S\": \"/r\"") != std::string::npos);
    CHECK(r.out.find("\"/St\": 4") != std::string::npos);
    CHECK(r.out.find("\"/S\": \"/D\"") != std::string::npos);
    auto catalog = run_command("qpdf --show-object=trailer " + file.quoted());
    CHECK(catalog.out.find("/ID [ <") != std::string::npos);
    auto root = run_command("qpdf --qdf --object-streams=disable " + file.quoted() +
                            " - | grep -a -E 'Lang|DisplayDocTitle'");
    CHECK(root.out.find("/Lang (en-GB)") != std::string::npos);
    CHECK(root.out.find("/DisplayDocTitle true") != std::string::npos);
  }

  SECTION("the same PagedDoc gives the same bytes") {
    CHECK(pdf::write_pdf(doc) == bytes);
  }
}

TEST_CASE("glyphs land where the typesetter put them, without drift along a justified line",
          "[pdf]") {
  auto face = text::FontFace::open(kDejaVuSerif);
  REQUIRE(face);
  const std::string words =
      "Quick zephyrs blow, vexing daft Jim; the five boxing wizards jump quickly over it";
  typeset::GlyphRun run = shape(*face, words, 9.7, 36.5, 300);
  std::vector<double> word_starts{run.x + run.glyphs[0].x};
  double stretch = 0;
  for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
    run.glyphs[i].x += stretch;
    if (run.text_of(i) == " ") {
      stretch += 1.234567;  // each space wider, as justification makes it
      word_starts.push_back(run.x + run.glyphs[i + 1].x + stretch);
    }
  }
  typeset::PagedDoc doc;
  doc.width = 612;
  doc.pages.emplace_back();
  doc.pages[0].runs.push_back(run);
  TempPdf file(pdf::write_pdf(doc));
  auto r = run_command("pdftotext -bbox " + file.quoted() + " -");
  REQUIRE(r.exit_code == 0);
  std::vector<double> found;
  for (std::size_t at = r.out.find("<word xMin=\""); at != std::string::npos;
       at = r.out.find("<word xMin=\"", at + 1)) {
    found.push_back(std::stod(r.out.substr(at + 12)));
  }
  REQUIRE(found.size() == word_starts.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    INFO("word " << i);
    CHECK(found[i] == Approx(word_starts[i]).margin(0.001));
  }
}

TEST_CASE("glyph codes are shown as two bytes each in literal strings, escaped where PDF needs it",
          "[pdf]") {
  // Glyphs 0 to 4 have the codes below; each stands for its own ToUnicode text, so no span.
  pdf::PdfFont font;
  font.code = {0x0041, 0x0028, 0x295C, 0x0D0A, 0x0029};
  font.text = {1, 2, 3, 4, 5};
  font.texts = {"", "a", "b", "c", "d", "e"};
  const std::vector<double> widths(0x295D, 500);
  typeset::GlyphRun run;
  run.size = 10;
  for (std::uint32_t g = 0; g < 5; ++g) {
    run.add_glyph(g, 5.0 * g, font.texts[font.text[g]]);
  }
  std::string ops = pdf::glyph_run_operators(run, {"R1", &font, &widths});
  const std::string shown("[(\0A\0\\(\\)\\\\\\r\n\0\\))]TJ\n", 22);
  CHECK(ops.find(shown) != std::string::npos);
  CHECK(ops.find('<') == std::string::npos);
}

TEST_CASE("a broken image or a glyph not in its font is an error, not a broken file", "[pdf]") {
  Fonts fonts;
  typeset::PagedDoc doc;
  doc.pages.emplace_back();
  doc.pages[0].images.push_back(image("\x89PNG\r\n\x1a\n broken", "image/png", 0, 0));
  CHECK_THROWS_WITH(pdf::write_pdf(doc), Catch::Contains("png:"));

  doc.pages[0].images.clear();
  typeset::GlyphRun run = shape(*fonts.noto, "a", 10, 0, 0);
  run.glyphs[0].id = 1000000;
  doc.pages[0].runs.push_back(run);
  CHECK_THROWS_WITH(pdf::write_pdf(doc), Catch::Contains("glyph 1000000 is not in the font"));
}

TEST_CASE("a subset holds the parts of composite glyphs, renumbered with the rest", "[pdf]") {
  auto noto = text::FontFace::open(kNotoSerif);
  REQUIRE(noto);
  hb_codepoint_t e_acute = 0;
  REQUIRE(hb_font_get_nominal_glyph(noto->font, U'é', &e_acute));
  pdf::FontSubset subset = pdf::subset_font(*noto, {0, e_acute});
  CHECK(subset.old_glyph.size() == 4);  // .notdef, é, and its parts e and ´
  CHECK(subset.new_glyph.size() == 2);
  CHECK(subset.old_glyph.at(subset.new_glyph.at(e_acute)) == e_acute);
  CHECK(subset.new_glyph.at(0) == 0);
  CHECK_FALSE(subset.cff);
}

TEST_CASE("page labels become the fewest ranges of numbers and prefixes", "[pdf]") {
  using pdf::PageLabelRange;
  auto ranges = pdf::page_label_ranges(
      {"i", "ii", "iii", "1", "2", "3", "A-1", "A-2", "Cover", "Cover", "X", "7"});
  REQUIRE(ranges.size() == 6);
  CHECK((ranges[0].first_page == 0 && ranges[0].style == 'r' && ranges[0].start == 1));
  CHECK((ranges[1].first_page == 3 && ranges[1].style == 'D' && ranges[1].start == 1 &&
         ranges[1].prefix.empty()));
  CHECK((ranges[2].first_page == 6 && ranges[2].style == 'D' && ranges[2].prefix == "A-"));
  CHECK((ranges[3].first_page == 8 && ranges[3].style == 0 && ranges[3].prefix == "Cover"));
  CHECK((ranges[4].first_page == 10 && ranges[4].style == 'R' && ranges[4].start == 10));
  CHECK((ranges[5].first_page == 11 && ranges[5].style == 'D' && ranges[5].start == 7));
  CHECK(pdf::page_label_ranges({"", ""}).empty());
  CHECK(pdf::page_label_ranges({"01"})[0].style == 0);  // a leading zero is not a page number
}

TEST_CASE("numbers and text are spelled for PDF without locale or drift", "[pdf]") {
  CHECK(pdf::pdf_number(12.5) == "12.5");
  CHECK(pdf::pdf_number(3.0) == "3");
  CHECK(pdf::pdf_number(-0.0001) == "0");
  CHECK(pdf::pdf_number(-1.23456, 2) == "-1.23");
  CHECK(pdf::pdf_number(0.05, 3) == "0.05");
  CHECK(pdf::pdf_number(-0.0004, 3) == "0");
  CHECK(pdf::pdf_number(2e9) == "2000000000");
  // Rounding without libm rounds as std::round does: halves away from zero, up to the largest doubles.
  for (double x : {0.5, -0.5, 1.5, -2.5, 0.49999999999999994, -0.49999999999999994, 123456.5, -7.5, 0x1p52 - 0.5,
                   -0x1p52 + 0.5, 0x1p52, -0x1p52 - 2, 1e300, -1e300, 0.0}) {
    INFO(x);
    CHECK(pdf::round_half_away(x) == std::round(x));
  }
  // Written as std::to_chars writes the value rounded to the decimals, trailing zeros cut.
  std::mt19937_64 random(3);
  for (int n = 0; n < 100000; ++n) {
    const int decimals = static_cast<int>(random() % 7);
    const double magnitude = std::pow(10.0, static_cast<double>(random() % 12) - 3);
    const double value = (static_cast<double>(random() % 2000001) / 1000000.0 - 1) * magnitude;
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    char buffer[64];
    std::string expected(buffer, std::to_chars(buffer, buffer + sizeof buffer, rounded == 0 ? 0.0 : rounded,
                                                std::chars_format::fixed, decimals).ptr);
    if (expected.find('.') != std::string::npos) {
      while (expected.back() == '0') expected.pop_back();
      if (expected.back() == '.') expected.pop_back();
    }
    INFO(value << " to " << decimals << " decimals");
    REQUIRE(pdf::pdf_number(value, decimals) == expected);
  }
  CHECK(pdf::utf16be_hex("A隐😀") == "00419690D83DDE00");
  CHECK(pdf::utf16be_hex("\xff") == "FFFD");
  const std::string cmap = pdf::to_unicode_cmap({{1, "ffi"}, {2, ""}, {3, "隐"}});
  CHECK(cmap.find("2 beginbfchar\n<0001> <006600660069>\n<0003> <9690>\nendbfchar\n") !=
        std::string::npos);
}
