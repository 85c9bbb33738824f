// Reading PNG chunks, JPEG markers and GIF headers far enough to know an image's kind, size and
// wholeness; the pixels are decoded only by the PDF writer (libpng), or not at all (JPEG, EPUB).
#include "image_header.hpp"

namespace recto {

namespace {

constexpr const char* kCutShort = "the file ends before the image does";

unsigned byte(std::string_view s, std::size_t i) {
  return static_cast<unsigned char>(s[i]);
}
std::uint32_t be16(std::string_view s, std::size_t i) {
  return byte(s, i) << 8 | byte(s, i + 1);
}
std::uint32_t be32(std::string_view s, std::size_t i) {
  return be16(s, i) << 16 | be16(s, i + 2);
}
std::uint32_t le16(std::string_view s, std::size_t i) {
  return byte(s, i) | byte(s, i + 1) << 8;
}

// The bit depths PNG allows for each colour type.
bool valid_png_depth(unsigned colour_type, unsigned depth) {
  switch (colour_type) {
    case 0:
      return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    case 3:
      return depth == 1 || depth == 2 || depth == 4 || depth == 8;
    case 2:
    case 4:
    case 6:
      return depth == 8 || depth == 16;
    default:
      return false;
  }
}

// Chunks from the signature to IEND: IHDR first and well-formed, some IDAT, every chunk whole. The
// damage found, or "".
std::string read_png(std::string_view b, ImageHeader& h) {
  bool data = false;
  for (std::size_t at = 8;;) {
    if (b.size() - at < 12) return kCutShort;
    std::uint32_t length = be32(b, at);
    std::string_view type = b.substr(at + 4, 4);
    if (length > b.size() - at - 12) return kCutShort;
    if (at == 8) {
      if (type != "IHDR" || length != 13) return "it does not begin with its header (IHDR)";
      h.width = be32(b, at + 8), h.height = be32(b, at + 12);
      if (!valid_png_depth(byte(b, at + 17), byte(b, at + 16)) || byte(b, at + 20) > 1) {
        return "its header names a colour type, bit depth or interlacing PNG does not have";
      }
    }
    if (type == "IDAT") data = true;
    if (type == "IEND") return data ? "" : "it has no image data (IDAT)";
    at += 12 + std::size_t{length};
  }
}

// Markers from SOI to the first scan: a frame header (SOFn) before it, and an EOI after it. The
// damage found, or "".
std::string read_jpeg(std::string_view b, ImageHeader& h) {
  for (std::size_t at = 2;;) {
    if (b.size() - at < 4) return kCutShort;
    if (byte(b, at) != 0xFF) return "a marker is missing where one must be";
    unsigned marker = byte(b, at + 1);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {  // markers without a length
      at += 2;
      continue;
    }
    if (marker == 0xD9) return "it ends before its image data";
    std::uint32_t length = be16(b, at + 2);
    if (length < 2 || length > b.size() - at - 2) return kCutShort;
    bool frame =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (frame) {
      if (length < 7) return "its frame header is too short";
      h.height = be16(b, at + 5), h.width = be16(b, at + 7);
    }
    if (marker == 0xDA) {  // the first scan: the compressed data, then (after more scans) EOI
      if (h.width == 0 && h.height == 0) return "its image data comes before its frame header";
      return b.find("\xFF\xD9", at + 2 + length) == std::string_view::npos ? kCutShort : "";
    }
    at += 2 + std::size_t{length};
  }
}

}  // namespace

ImageHeader read_image_header(std::string_view b, std::string_view name) {
  ImageHeader h;
  if (b.substr(0, 8) == "\x89PNG\r\n\x1a\n") {
    h.media_type = "image/png";
    h.damage = read_png(b, h);
  } else if (b.size() >= 3 && byte(b, 0) == 0xFF && byte(b, 1) == 0xD8 && byte(b, 2) == 0xFF) {
    h.media_type = "image/jpeg";
    h.damage = read_jpeg(b, h);
  } else if (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a") {
    h.media_type = "image/gif";
    if (b.size() < 14 || byte(b, b.size() - 1) != 0x3B) {  // no trailer
      h.damage = kCutShort;
      return h;
    }
    h.width = le16(b, 6), h.height = le16(b, 8);
  } else if (name.size() > 4 && name.substr(name.size() - 4) == ".svg" &&
             b.find("<svg") != std::string_view::npos) {
    h.media_type = "image/svg+xml";
    return h;
  } else {
    return h;
  }
  if (h.damage.empty() && (h.width == 0 || h.height == 0)) h.damage = "it is 0 pixels wide or high";
  return h;
}

}  // namespace recto
