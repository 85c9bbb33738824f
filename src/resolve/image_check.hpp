// Every image the book names, checked once before any writer reads it.
#pragma once

#include <cstdint>

#include "diagnostics.hpp"
#include "env.hpp"
#include "tree.hpp"

namespace recto {

// An image file larger than this is an error, and is not read.
inline constexpr std::uintmax_t max_image_file_bytes = 50'000'000;

// An image of more pixels than this is an error: decoding it for the PDF would take gigabytes (a
// 20000 × 20000 PNG is 1.2 GB of RGB samples). 40 megapixels is 7700 × 5200.
inline constexpr std::uint64_t max_image_pixels = 40'000'000;

// Figures, images in the text and the cover: on the web (remote-image), outside the manuscript
// folder (path-outside), missing (missing-image), not a PNG, JPEG, GIF or SVG image or not whole
// (image-format), or beyond the limits above (input-limit). Each problem at each place it is named.
void check_images(const Document& doc, Env& env, Diagnostics& diags);

}  // namespace recto
