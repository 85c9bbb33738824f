// A palette image written as a PNG with libpng: packed to its palette's bit depth, run-length
// compressed, no time chunk.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace recto::cover {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
};

// The PNG bytes (colour type 3, sRGB; bit depth 1, 2, 4 or 8: the least that holds every index of
// `palette`, at most 256 colours) of an image given as one palette index a pixel, row after row;
// an empty row is `width` zeros. Throws std::runtime_error when libpng fails.
std::string palette_png(int width, const std::vector<std::vector<std::uint8_t>>& rows,
                        const std::vector<Rgb>& palette);

}  // namespace recto::cover
