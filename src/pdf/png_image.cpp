// libpng from memory, with its errors brought back by longjmp to where they become an exception.
#include "png_image.hpp"

#include <png.h>

#include <csetjmp>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace recto::pdf {

namespace {

struct Source {
  const std::string* file;
  std::size_t offset;
};

void read_from_memory(png_structp png, png_bytep out, png_size_t length) {
  auto* source = static_cast<Source*>(png_get_io_ptr(png));
  if (source->file->size() - source->offset < length) png_error(png, "the file ends too early");
  std::memcpy(out, source->file->data() + source->offset, length);
  source->offset += length;
}

struct Failure {
  char message[256];
};

void on_error(png_structp png, png_const_charp message) {
  auto* failure = static_cast<Failure*>(png_get_error_ptr(png));
  std::strncpy(failure->message, message, sizeof failure->message - 1);
  png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

// Reads the whole image as 8-bit gray, gray+alpha, RGB or RGBA into `samples`. Everything with a
// destructor belongs to the caller, as longjmp skips destructors.
bool read_png(const std::string& file, std::vector<unsigned char>& samples,
              std::vector<png_bytep>& rows, png_uint_32& width, png_uint_32& height, int& channels,
              Failure& failure) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &failure, on_error, on_warning);
  if (!png) return false;
  png_infop info = png_create_info_struct(png);
  if (!info) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    return false;
  }
  Source source{&file, 0};
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    return false;
  }
  png_set_read_fn(png, &source, read_from_memory);
  png_read_info(png, info);
  png_set_expand(png);  // palette → RGB, gray below 8 bits → 8 bits, tRNS → alpha
  png_set_scale_16(png);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  width = png_get_image_width(png, info);
  height = png_get_image_height(png, info);
  channels = png_get_channels(png, info);
  png_size_t row_bytes = png_get_rowbytes(png, info);
  if (png_get_bit_depth(png, info) != 8 || row_bytes != static_cast<png_size_t>(width) * channels) {
    png_error(png, "unexpected pixel layout after expansion");
  }
  samples.resize(row_bytes * height);
  rows.resize(height);
  for (png_uint_32 y = 0; y < height; ++y) rows[y] = samples.data() + y * row_bytes;
  png_read_image(png, rows.data());
  png_read_end(png, nullptr);
  png_destroy_read_struct(&png, &info, nullptr);
  return true;
}

}  // namespace

DecodedImage decode_png(const std::string& file) {
  std::vector<unsigned char> samples;
  std::vector<png_bytep> rows;
  png_uint_32 width = 0, height = 0;
  int channels = 0;
  Failure failure{"out of memory"};
  if (!read_png(file, samples, rows, width, height, channels, failure)) {
    throw std::runtime_error(std::string("png: ") + failure.message);
  }
  DecodedImage image;
  image.width = width;
  image.height = height;
  const bool has_alpha = channels == 2 || channels == 4;
  image.channels =
      has_alpha ? static_cast<unsigned>(channels - 1) : static_cast<unsigned>(channels);
  const std::size_t pixel_count = static_cast<std::size_t>(width) * height;
  if (!has_alpha) {
    image.pixels.assign(samples.begin(), samples.end());
    return image;
  }
  image.pixels.reserve(pixel_count * image.channels);
  image.alpha.reserve(pixel_count);
  bool opaque = true;
  for (std::size_t p = 0; p < pixel_count; ++p) {
    const unsigned char* pixel = samples.data() + p * static_cast<std::size_t>(channels);
    image.pixels.append(reinterpret_cast<const char*>(pixel), image.channels);
    image.alpha += static_cast<char>(pixel[image.channels]);
    opaque = opaque && pixel[image.channels] == 0xFF;
  }
  if (opaque) image.alpha.clear();
  return image;
}

}  // namespace recto::pdf
