// The kind and pixel size of an image file, read from its header.
#pragma once

#include <optional>
#include <string>

namespace recto::typeset {

struct ImageInfo {
  std::string media_type;  // "image/png" or "image/jpeg"
  int width = 0, height = 0;
};

// PNG (IHDR) and JPEG (the first SOFn marker); nullopt for anything else or a truncated header.
std::optional<ImageInfo> probe_image(const std::string& bytes);

}  // namespace recto::typeset
