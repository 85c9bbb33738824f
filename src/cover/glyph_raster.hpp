// Glyphs rasterised with FreeType and laid over an 8-bit coverage image.
#pragma once

#include <cstdint>
#include <vector>

#include "font_face.hpp"

namespace recto::cover {

// One byte a pixel: 0 where nothing is drawn, 255 where ink covers the whole pixel. A row is held
// only once ink reaches it, as most of a cover is bare ground: an empty row is `width` zeros.
struct Coverage {
  int width = 0;
  std::vector<std::vector<std::uint8_t>> rows;  // top to bottom
};

// A glyph of a face at a size in pixels, its origin on the baseline at (x, y) in 1/64 pixel, y
// growing downwards.
struct PlacedGlyph {
  const text::FontFace* face = nullptr;
  std::uint32_t id = 0;
  int size = 0;
  std::int64_t x = 0, y = 0;
};

// Renders the glyphs anti-aliased and unhinted at their subpixel positions and lays them over the
// image, clipped to it; a glyph whose font FreeType cannot open is left out. Throws
// std::runtime_error when FreeType cannot start.
void draw_glyphs(const std::vector<PlacedGlyph>& glyphs, Coverage& image);

}  // namespace recto::cover
