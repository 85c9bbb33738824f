// What an image file is, from its structure: its kind, its size in pixels, and whether it is whole.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace recto {

struct ImageHeader {
  std::string media_type;  // image/png, image/jpeg, image/gif, image/svg+xml; "" for none
  std::uint32_t width = 0, height = 0;  // pixels; 0 for SVG
  std::string damage;                   // why the file is not a whole image; "" when it is
};

// Walks the file's chunks (PNG), markers (JPEG) or header and trailer (GIF) without decoding the
// pixels: a file cut short, a header out of place or a size of 0 is damage. SVG is known by the
// name's extension and an <svg element.
ImageHeader read_image_header(std::string_view bytes, std::string_view name);

}  // namespace recto
