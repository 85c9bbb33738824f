// Reading the size of PNG and JPEG images from their headers.
#include "image_probe.hpp"

namespace recto::typeset {

namespace {

unsigned byte(const std::string& s, std::size_t i) { return static_cast<unsigned char>(s[i]); }
unsigned be16(const std::string& s, std::size_t i) { return byte(s, i) << 8 | byte(s, i + 1); }
unsigned be32(const std::string& s, std::size_t i) { return be16(s, i) << 16 | be16(s, i + 2); }

}  // namespace

std::optional<ImageInfo> probe_image(const std::string& b) {
  if (b.size() >= 24 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0 && b.compare(12, 4, "IHDR") == 0) {
    return ImageInfo{"image/png", static_cast<int>(be32(b, 16)), static_cast<int>(be32(b, 20))};
  }
  if (b.size() >= 4 && byte(b, 0) == 0xFF && byte(b, 1) == 0xD8) {
    std::size_t i = 2;
    while (i + 9 < b.size() && byte(b, i) == 0xFF) {
      unsigned marker = byte(b, i + 1);
      unsigned length = be16(b, i + 2);
      bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) return ImageInfo{"image/jpeg", static_cast<int>(be16(b, i + 7)), static_cast<int>(be16(b, i + 5))};
      i += 2 + length;
    }
  }
  return std::nullopt;
}

}  // namespace recto::typeset
