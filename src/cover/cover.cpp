// The generated cover: title, subtitle and authors shaped with the text stage, wrapped and centred
// in light ink on a deep ground, rasterised and written as a palette PNG (or found drawn already).
#include "cover.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

#include "char_class.hpp"
#include "cover_memo.hpp"
#include "glyph_raster.hpp"
#include "line_breaks.hpp"
#include "palette_png.hpp"
#include "shaper.hpp"

namespace recto::cover {

namespace {

// Lengths are in 1/64 pixel unless named otherwise.
constexpr int kWidthPixels = 1600, kHeightPixels = 2560;
constexpr std::int64_t kWidth = kWidthPixels * 64, kHeight = kHeightPixels * 64;
constexpr std::int64_t kMeasure = kWidth * 4 / 5;  // the longest line
constexpr std::int64_t kTopMargin = kHeight / 10;
constexpr std::int64_t kLastAuthorBaseline = kHeight - kHeight / 8;
constexpr Rgb kGround{0x1d, 0x30, 0x42}, kInk{0xf4, 0xec, 0xdc};

// A stretch of text that a line may end after: a word, or the part of one up to where ICU allows
// a break (between ideographs, after a hyphen).
struct Piece {
  std::string text;
  bool after_space = false;
};

// Text in one style at the size (in pixels) at which it fits the measure, broken into lines.
struct Setting {
  text::TextStyle style;
  int size = 0;
  std::vector<std::string> lines;
};

// Font units of a face at `size` pixels, in 1/64 pixel.
std::int64_t scaled(std::int64_t font_units, int size, unsigned upem) {
  return (font_units * size * 64 + upem / 2) / upem;
}

// The advance width of a line shaped in the style at `size` pixels.
std::int64_t width_of(std::string_view line, const text::TextStyle& style, int size,
                      text::Shaper& shaper) {
  std::int64_t width = 0;
  for (const text::ShapedRun& run : shaper.shape(line, style).runs) {
    std::int64_t units = 0;
    for (const text::ShapedGlyph& glyph : run.glyphs) units += glyph.advance;
    width += scaled(units, size, run.face->upem);
  }
  return width;
}

// The pieces of a paragraph, in order; runs of white space separate words.
std::vector<Piece> pieces_of(const std::string& paragraph, const std::string& lang) {
  static const char* const kSpaces = " \t\r\n";
  std::vector<Piece> pieces;
  for (std::size_t start = paragraph.find_first_not_of(kSpaces); start != std::string::npos;
       start = paragraph.find_first_not_of(kSpaces, start)) {
    std::size_t end = std::min(paragraph.find_first_of(kSpaces, start), paragraph.size());
    std::string_view word(paragraph.data() + start, end - start);
    std::size_t from = 0;
    for (std::size_t at : text::break_opportunities(word, lang)) {
      pieces.push_back({std::string(word.substr(from, at - from)), from == 0});
      from = at;
    }
    pieces.push_back({std::string(word.substr(from)), from == 0});
    start = end;
  }
  return pieces;
}

// Greedy: each line takes as many pieces as fit the measure; a piece wider than the measure takes a
// line of its own.
void wrap(const std::vector<Piece>& pieces, Setting& setting, text::Shaper& shaper) {
  bool line_open = false;
  for (const Piece& piece : pieces) {
    if (line_open) {
      std::string longer = setting.lines.back() + (piece.after_space ? " " : "") + piece.text;
      if (width_of(longer, setting.style, setting.size, shaper) <= kMeasure) {
        setting.lines.back() = std::move(longer);
        continue;
      }
    }
    setting.lines.push_back(piece.text);
    line_open = true;
  }
}

// The paragraphs set at the largest size up to `size` at which every piece fits the measure and
// they take at most `max_lines` lines, or at `min_size` if they take more even there; each
// paragraph starts a line.
Setting fit(const std::vector<std::string>& paragraphs, const text::TextStyle& style, int size,
            int min_size, std::size_t max_lines, text::Shaper& shaper) {
  std::vector<std::vector<Piece>> pieces;
  for (const std::string& paragraph : paragraphs) {
    pieces.push_back(pieces_of(paragraph, style.lang));
  }
  Setting setting{style, size, {}};
  for (const auto& paragraph : pieces) {
    for (const Piece& piece : paragraph) {
      std::int64_t width = width_of(piece.text, style, setting.size, shaper);
      if (width > kMeasure) {
        setting.size = std::max<int>(1, static_cast<int>(setting.size * kMeasure / width));
      }
    }
  }
  min_size = std::min(min_size, setting.size);
  while (true) {
    setting.lines.clear();
    for (const auto& paragraph : pieces) wrap(paragraph, setting, shaper);
    if (setting.lines.size() <= max_lines || setting.size == min_size) return setting;
    setting.size = std::max(min_size, setting.size * 7 / 8);
  }
}

// How far the capitals of the setting's primary face rise above the baseline.
std::int64_t cap_height(const Setting& setting) {
  const text::FontFace& face = *setting.style.face;
  int cap = face.cap_height > 0 ? face.cap_height : static_cast<int>(face.upem) * 7 / 10;
  return scaled(cap, setting.size, face.upem);
}

// From the top of the first line's capitals to the last line's baseline.
std::int64_t block_height(const Setting& setting, std::int64_t pitch) {
  if (setting.lines.empty()) return 0;
  return cap_height(setting) + static_cast<std::int64_t>(setting.lines.size() - 1) * pitch;
}

// The glyphs of the setting's lines, each centred across the width, the first on `baseline` and
// each next `pitch` below.
void place(const Setting& setting, std::int64_t baseline, std::int64_t pitch, text::Shaper& shaper,
           std::vector<PlacedGlyph>& glyphs) {
  for (const std::string& line : setting.lines) {
    std::int64_t x = (kWidth - width_of(line, setting.style, setting.size, shaper)) / 2;
    for (const text::ShapedRun& run : shaper.shape(line, setting.style).runs) {
      std::int64_t units = 0;
      for (const text::ShapedGlyph& glyph : run.glyphs) {
        glyphs.push_back({run.face, glyph.id, setting.size,
                          x + scaled(units + glyph.x_offset, setting.size, run.face->upem),
                          baseline - scaled(glyph.y_offset, setting.size, run.face->upem)});
        units += glyph.advance;
      }
      x += scaled(units, setting.size, run.face->upem);
    }
    baseline += pitch;
  }
}

// The first character of the text that is not a space, or 'A'.
char32_t sample_char(const CoverText& text) {
  std::string all = text.title + text.subtitle;
  for (const std::string& author : text.authors) all += author;
  for (std::size_t i = 0; i < all.size();) {
    char32_t c = text::next_char(all, i);
    if (text::classify(c) == text::CharClass::ordinary) return c;
  }
  return U'A';
}

// Noto Serif in the style, else a face that fontconfig finds for the language.
const text::FontFace* serif(text::FontLibrary& fonts, bool bold, bool italic,
                            const CoverText& text) {
  const text::FontFace* face = fonts.find({"Noto Serif", bold, italic});
  return face ? face : fonts.fallback(sample_char(text), bold, italic, text.lang);
}

// Sixteen levels of ink are as smooth as 256 at the cover's size, and halve the bytes that zlib reads.
constexpr int kInkLevels = 16;

// The ground (index 0) fading into the ink (index kInkLevels - 1).
std::vector<Rgb> ink_ramp() {
  std::vector<Rgb> palette;
  auto mix = [](int ground, int ink, int i) {
    const int top = kInkLevels - 1;
    return static_cast<std::uint8_t>((ground * (top - i) + ink * i + top / 2) / top);
  };
  for (int i = 0; i < kInkLevels; ++i) {
    palette.push_back(
        {mix(kGround.r, kInk.r, i), mix(kGround.g, kInk.g, i), mix(kGround.b, kInk.b, i)});
  }
  return palette;
}

// Each pixel's coverage (0–255) rounded to the nearest of the ramp's levels, in place. Runs of eight
// uncovered pixels, most of an inked row, are skipped a word at a time.
void to_ink_levels(std::vector<std::uint8_t>& coverage) {
  constexpr int step = 255 / (kInkLevels - 1);
  auto level = [](std::uint8_t& c) { c = static_cast<std::uint8_t>((c + step / 2) / step); };
  std::size_t i = 0;
  for (; i + 8 <= coverage.size(); i += 8) {
    std::uint64_t eight;
    std::memcpy(&eight, coverage.data() + i, sizeof eight);
    if (eight == 0) continue;
    for (std::size_t k = 0; k < 8; ++k) level(coverage[i + k]);
  }
  for (; i < coverage.size(); ++i) level(coverage[i]);
}

}  // namespace

std::string generated_cover(const CoverText& text, text::FontLibrary& fonts) {
  const text::FontFace* upright = serif(fonts, false, false, text);
  if (!upright) return "";
  const text::FontFace* bold = serif(fonts, true, false, text);
  const text::FontFace* italic = serif(fonts, false, true, text);
  text::Shaper shaper(fonts);

  Setting title = fit({text.title}, {bold ? bold : upright, upright, true, false, text.lang}, 160,
                      80, 4, shaper);
  // A title shrunk to fit a long word keeps the other lines smaller than it.
  int lesser_size = title.size * 3 / 4;
  Setting subtitle =
      fit({text.subtitle}, {italic ? italic : upright, upright, false, true, text.lang},
          std::min(68, lesser_size), 44, 3, shaper);
  Setting authors = fit(text.authors, {upright, nullptr, false, false, text.lang},
                        std::min(64, lesser_size), 40, 6, shaper);
  std::int64_t title_pitch = title.size * 64 * 23 / 20;
  std::int64_t subtitle_pitch = subtitle.size * 64 * 13 / 10;
  std::int64_t authors_pitch = authors.size * 64 * 13 / 10;

  // The title and subtitle centred on the middle of the upper third, not above the top margin.
  std::int64_t title_height = block_height(title, title_pitch);
  std::int64_t gap = title_height > 0 && !subtitle.lines.empty() ? title.size * 64 * 3 / 4 : 0;
  std::int64_t group_height = title_height + gap + block_height(subtitle, subtitle_pitch);
  std::int64_t top = std::max(kTopMargin, kHeight / 6 - group_height / 2);

  std::vector<PlacedGlyph> glyphs;
  place(title, top + cap_height(title), title_pitch, shaper, glyphs);
  place(subtitle, top + title_height + gap + cap_height(subtitle), subtitle_pitch, shaper, glyphs);
  std::int64_t authors_below_first =
      authors.lines.empty() ? 0
                            : static_cast<std::int64_t>(authors.lines.size() - 1) * authors_pitch;
  place(authors, kLastAuthorBaseline - authors_below_first, authors_pitch, shaper, glyphs);

  const CoverMemo memo(glyphs);
  if (std::optional<std::string> drawn = memo.load()) return *drawn;
  Coverage image{kWidthPixels, std::vector<std::vector<std::uint8_t>>(kHeightPixels)};
  draw_glyphs(glyphs, image);
  for (std::vector<std::uint8_t>& row : image.rows) to_ink_levels(row);
  std::string png = palette_png(image.width, image.rows, ink_ramp());
  memo.save(png);
  return png;
}

}  // namespace recto::cover
