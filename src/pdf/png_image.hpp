// PNG files decoded with libpng to the 8-bit pixels a PDF image takes, with alpha kept apart.
#pragma once

#include <string>

namespace recto::pdf {

struct DecodedImage {
  unsigned width = 0, height = 0;
  unsigned channels = 0;  // 1 (gray) or 3 (RGB)
  std::string pixels;     // rows top to bottom, 8 bits per sample, no padding
  std::string alpha;      // one 8-bit sample per pixel; empty when the image is opaque
};

// Any PNG: every bit depth (16-bit is scaled down), palette, gray, transparency chunks, alpha,
// interlacing. Throws std::runtime_error naming libpng's complaint on a broken file.
DecodedImage decode_png(const std::string& file);

}  // namespace recto::pdf
