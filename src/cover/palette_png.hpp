// An 8-bit palette image written as a PNG with libpng: run-length compressed, no time chunk.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace recto::cover {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
};

// The PNG bytes (colour type 3, bit depth 8, sRGB) of an image given as one palette index a pixel,
// row after row. Throws std::runtime_error when libpng fails.
std::string palette_png(int width, int height, const std::vector<std::uint8_t>& indices,
                        const std::vector<Rgb>& palette);

}  // namespace recto::cover
