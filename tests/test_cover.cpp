// The generated cover: a 1600 × 2560 4-bit palette PNG, reproducible, with the title in the upper
// third, the authors near the foot and nothing in the margins, whatever the script; and the palette
// PNG writer's packing.
#include <catch2/catch.hpp>

#include <png.h>

#include <cstdint>
#include <string>
#include <vector>

#include "cover.hpp"
#include "palette_png.hpp"

using recto::cover::CoverText;
using recto::cover::generated_cover;
using recto::text::FontLibrary;

namespace {

constexpr int kWidth = 1600, kHeight = 2560;

std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i)
    value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

// The PNG's pixels as 8-bit grey, decoded with libpng's simplified API; empty when it cannot.
std::vector<std::uint8_t> grey_pixels(const std::string& png) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, png.data(), png.size())) return {};
  image.format = PNG_FORMAT_GRAY;
  std::vector<std::uint8_t> pixels(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) return {};
  return pixels;
}

// How many pixels of the rectangle [x0, x1) × [y0, y1) differ from the ground, the top left pixel.
int ink_in(const std::vector<std::uint8_t>& pixels, int x0, int y0, int x1, int y1) {
  int count = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x)
      count += pixels[static_cast<std::size_t>(y) * kWidth + x] != pixels[0];
  }
  return count;
}

const CoverText kBook{
    "WeChat Is Watching", "How an app became a nation's infrastructure", {"Barclay Bram"}, "en"};

}  // namespace

TEST_CASE("The generated cover is a 1600 × 2560 4-bit palette PNG of 16 colours and no time",
          "[cover]") {
  FontLibrary fonts;
  std::string png = generated_cover(kBook, fonts);
  REQUIRE(png.size() > 33);
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  CHECK(png.compare(12, 4, "IHDR") == 0);
  CHECK(big_endian(png, 16) == kWidth);
  CHECK(big_endian(png, 20) == kHeight);
  CHECK(png[24] == 4);  // bit depth
  CHECK(png[25] == 3);  // colour type: palette
  std::size_t palette = png.find("PLTE");
  REQUIRE(palette != std::string::npos);
  CHECK(big_endian(png, palette - 4) == 3 * 16);
  CHECK(png.find("tIME") == std::string::npos);
  CHECK(png.size() < 200 * 1024);
}

TEST_CASE("The generated cover is the same bytes for the same text, other bytes for another title",
          "[cover]") {
  FontLibrary fonts;
  std::string first = generated_cover(kBook, fonts);
  CHECK(generated_cover(kBook, fonts) == first);
  FontLibrary other_fonts;
  CHECK(generated_cover(kBook, other_fonts) == first);
  CoverText retitled = kBook;
  retitled.title = "WeChat Is Listening";
  CHECK(generated_cover(retitled, fonts) != first);
}

TEST_CASE(
    "The generated cover has the title in the upper third, the author near the foot, clear margins",
    "[cover]") {
  FontLibrary fonts;
  std::vector<std::uint8_t> pixels = grey_pixels(generated_cover(kBook, fonts));
  REQUIRE(pixels.size() == static_cast<std::size_t>(kWidth) * kHeight);
  CHECK(ink_in(pixels, 0, 0, kWidth, kHeight / 3) > 10000);
  CHECK(ink_in(pixels, 0, kHeight * 3 / 4, kWidth, kHeight) > 2000);
  CHECK(ink_in(pixels, 0, kHeight / 3, kWidth, kHeight * 3 / 4) == 0);
  CHECK(ink_in(pixels, 0, 0, kWidth / 10, kHeight) == 0);
  CHECK(ink_in(pixels, kWidth * 9 / 10, 0, kWidth, kHeight) == 0);
}

TEST_CASE("A long generated cover title wraps and shrinks within the margins", "[cover]") {
  FontLibrary fonts;
  CoverText long_title{
      "Pneumonoultramicroscopicsilicovolcanoconiosis and Other Words Too Long for One Line of a "
      "Cover",
      "",
      {"A. N. Author", "Another Author"},
      "en"};
  std::vector<std::uint8_t> pixels = grey_pixels(generated_cover(long_title, fonts));
  REQUIRE(pixels.size() == static_cast<std::size_t>(kWidth) * kHeight);
  CHECK(ink_in(pixels, kWidth / 10, 0, kWidth * 9 / 10, kHeight / 2) > 10000);
  CHECK(ink_in(pixels, 0, 0, kWidth / 10, kHeight) == 0);
  CHECK(ink_in(pixels, kWidth * 9 / 10, 0, kWidth, kHeight) == 0);
}

TEST_CASE("A Chinese generated cover title is set in a fallback face", "[cover]") {
  FontLibrary fonts;
  std::vector<std::uint8_t> pixels =
      grey_pixels(generated_cover({"隐私", "", {"白博"}, "zh"}, fonts));
  REQUIRE(pixels.size() == static_cast<std::size_t>(kWidth) * kHeight);
  CHECK(ink_in(pixels, 0, 0, kWidth, kHeight / 3) > 10000);
  CHECK(ink_in(pixels, 0, kHeight * 3 / 4, kWidth, kHeight) > 1000);
}

TEST_CASE("A palette PNG packs its indices to the least bit depth that holds its palette, an empty row as index 0",
          "[cover]") {
  using recto::cover::palette_png;
  using recto::cover::Rgb;
  // Odd widths, so that rows end inside a byte, one short of the eight indices packed at a time and
  // one past them; each index's colour is a grey of its own.
  for (int colours : {2, 3, 16, 17}) {
    for (int width : {7, 21}) {
      std::vector<Rgb> palette;
      for (int i = 0; i < colours; ++i) {
        auto grey = static_cast<std::uint8_t>(i * 255 / (colours - 1));
        palette.push_back({grey, grey, grey});
      }
      // Rows of indices, the second one empty.
      const int height = 4;
      std::vector<std::vector<std::uint8_t>> rows(height);
      std::vector<std::uint8_t> indices;
      for (int i = 0; i < width * height; ++i) {
        const int y = i / width;
        const auto index = static_cast<std::uint8_t>(y == 1 ? 0 : i * 5 % colours);
        if (y != 1) rows[static_cast<std::size_t>(y)].push_back(index);
        indices.push_back(index);
      }
      std::string png = palette_png(width, rows, palette);
      int expected_bits = colours <= 2 ? 1 : colours <= 4 ? 2 : colours <= 16 ? 4 : 8;
      CHECK(png[24] == expected_bits);
      png_image image{};
      image.version = PNG_IMAGE_VERSION;
      REQUIRE(png_image_begin_read_from_memory(&image, png.data(), png.size()));
      image.format = PNG_FORMAT_GRAY;
      std::vector<std::uint8_t> pixels(PNG_IMAGE_SIZE(image));
      REQUIRE(png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr));
      REQUIRE(pixels.size() == indices.size());
      for (std::size_t i = 0; i < indices.size(); ++i) CHECK(pixels[i] == palette[indices[i]].r);
    }
  }
}

TEST_CASE("A palette PNG's runs of empty rows, longer and shorter than its deflated piece of them, decode as index 0",
          "[cover]") {
  using recto::cover::palette_png;
  using recto::cover::Rgb;
  const std::vector<Rgb> palette{{0, 0, 0}, {85, 85, 85}, {170, 170, 170}, {255, 255, 255}};
  const int width = 33, height = 300;
  // Inked rows after 65 empty ones, between runs of 133 and 99, and an image of empty rows only.
  for (const std::vector<int>& inked : {std::vector<int>{65, 66, 200}, std::vector<int>{}}) {
    std::vector<std::vector<std::uint8_t>> rows(height);
    for (int y : inked) {
      for (int x = 0; x < width; ++x) rows[static_cast<std::size_t>(y)].push_back(static_cast<std::uint8_t>((x + y) % 4));
    }
    const std::vector<std::uint8_t> pixels = grey_pixels(palette_png(width, rows, palette));
    REQUIRE(pixels.size() == static_cast<std::size_t>(width * height));
    int wrong = 0;
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x) {
        const auto& row = rows[static_cast<std::size_t>(y)];
        wrong += pixels[static_cast<std::size_t>(y * width + x)] != palette[row.empty() ? 0 : row[static_cast<std::size_t>(x)]].r;
      }
    }
    CHECK(wrong == 0);
  }
}
