// libpng writing to memory, with its errors brought back by longjmp to where they become an
// exception.
#include "palette_png.hpp"

#include <png.h>
#include <zlib.h>

#include <csetjmp>
#include <cstring>
#include <stdexcept>

namespace recto::cover {

namespace {

void append_to_string(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))
      ->append(reinterpret_cast<const char*>(data), length);
}

void flush_nothing(png_structp) {}

struct Failure {
  char message[256];
};

void on_error(png_structp png, png_const_charp message) {
  auto* failure = static_cast<Failure*>(png_get_error_ptr(png));
  std::strncpy(failure->message, message, sizeof failure->message - 1);
  png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

// Writes the rows into `out`. Everything with a destructor belongs to the caller, as longjmp skips
// destructors.
bool write_png(png_uint_32 width, png_uint_32 height, int bit_depth, png_bytepp rows,
               const std::vector<png_color>& palette, std::string& out, Failure& failure) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &failure, on_error, on_warning);
  if (!png) return false;
  png_infop info = png_create_info_struct(png);
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_set_write_fn(png, &out, append_to_string, flush_nothing);
  png_set_IHDR(png, info, width, height, bit_depth, PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_PLTE(png, info, palette.data(), static_cast<int>(palette.size()));
  png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
  // Long runs of one index: no filter, and run-length matches only, which give the same bytes at
  // every level. Memory level 4 rather than zlib's 8: run-length matches use no hash table, which
  // zlib would still sweep every 32 KB (7 % faster, a 1 % smaller cover).
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_compression_strategy(png, Z_RLE);
  png_set_compression_level(png, 1);
  png_set_compression_mem_level(png, 4);
  png_set_rows(png, info, rows);
  png_write_png(png, info, PNG_TRANSFORM_IDENTITY, nullptr);
  png_destroy_write_struct(&png, &info);
  return true;
}

int bits_for(std::size_t colours) {
  int bits = 1;
  while (bits < 8 && colours > (std::size_t{1} << bits)) bits *= 2;
  return bits;
}

// One row of indices packed `bits` to a byte's bits, leftmost pixel highest, into `to` (zeroed: the
// PNG layout). Runs of eight zero indices, most of a cover, are skipped a word at a time.
template <int bits>
void pack_row(const std::uint8_t* from, int width, std::uint8_t* to) {
  constexpr int per_byte = 8 / bits;
  auto put = [&](int x) {
    to[x / per_byte] |= static_cast<std::uint8_t>(from[x] << (8 - bits - x % per_byte * bits));
  };
  int x = 0;
  for (; x + 8 <= width; x += 8) {
    std::uint64_t eight;
    std::memcpy(&eight, from + x, sizeof eight);
    if (eight == 0) continue;
    for (int k = 0; k < 8; ++k) put(x + k);
  }
  for (; x < width; ++x) put(x);
}

// The image's rows packed to `bits` (1, 2, 4 or 8) a pixel, each row starting a byte; the empty
// rows share `zeros`, a packed row of index 0.
std::vector<std::vector<std::uint8_t>> packed(int width, const std::vector<std::vector<std::uint8_t>>& rows,
                                              int bits, const std::vector<std::uint8_t>& zeros) {
  std::vector<std::vector<std::uint8_t>> out(rows.size());
  auto pack = bits == 1 ? pack_row<1> : bits == 2 ? pack_row<2> : pack_row<4>;
  for (std::size_t y = 0; y < rows.size(); ++y) {
    if (rows[y].empty()) continue;
    if (bits == 8) {
      out[y] = rows[y];
      continue;
    }
    out[y].resize(zeros.size());
    pack(rows[y].data(), width, out[y].data());
  }
  return out;
}

}  // namespace

std::string palette_png(int width, const std::vector<std::vector<std::uint8_t>>& rows,
                        const std::vector<Rgb>& palette) {
  std::vector<png_color> colors;
  for (const Rgb& c : palette) colors.push_back({c.r, c.g, c.b});
  const int bits = bits_for(palette.size());
  const std::vector<std::uint8_t> zeros((static_cast<std::size_t>(width) * bits + 7) / 8);
  const std::vector<std::vector<std::uint8_t>> packed_rows = packed(width, rows, bits, zeros);
  // libpng takes rows as non-const pointers, but writing reads them only.
  std::vector<png_bytep> row_pointers;
  for (const std::vector<std::uint8_t>& row : packed_rows) {
    row_pointers.push_back(const_cast<png_bytep>(row.empty() ? zeros.data() : row.data()));
  }
  std::string out;
  Failure failure{"out of memory"};
  if (!write_png(static_cast<png_uint_32>(width), static_cast<png_uint_32>(rows.size()), bits,
                 row_pointers.data(), colors, out, failure)) {
    throw std::runtime_error(std::string("png: ") + failure.message);
  }
  return out;
}

}  // namespace recto::cover
