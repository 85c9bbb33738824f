// A palette PNG in memory: the image data deflated with zlib, the chunks written by libpng, whose
// errors are brought back by longjmp to where they become an exception.
#include "palette_png.hpp"

#include <png.h>
#include <zlib.h>

#include <csetjmp>
#include <cstring>
#include <stdexcept>
#include <string_view>

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

// zlib's raw deflate, one piece of data at a time, each piece deflated on its own (the state reset)
// and ending on a byte (a sync flush), so that pieces deflated apart join into one deflate stream.
// Run-length matches only, which suit long runs of one index and give the same bytes at every level;
// memory level 4 rather than 8, as such matches use no hash table (which zlib would still sweep).
class Deflater {
 public:
  Deflater() {
    if (deflateInit2(&stream_, 1, Z_DEFLATED, -15, 4, Z_RLE) != Z_OK) throw std::runtime_error("png: zlib cannot start");
  }
  ~Deflater() { deflateEnd(&stream_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  // Appends `data` deflated to `out`; with Z_FINISH, as the stream's final block.
  void piece(std::string_view data, int flush, std::string& out) {
    deflateReset(&stream_);
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream_.avail_in = static_cast<uInt>(data.size());
    do {
      char buffer[16384];
      stream_.next_out = reinterpret_cast<Bytef*>(buffer);
      stream_.avail_out = sizeof buffer;
      int status = deflate(&stream_, flush);
      if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) throw std::runtime_error("png: zlib failed");
      out.append(buffer, sizeof buffer - stream_.avail_out);
    } while (stream_.avail_out == 0);
  }

 private:
  z_stream stream_{};
};

// A cover is mostly bare ground: runs of this many bare rows are one deflated piece, made once.
constexpr std::size_t kBareRows = 64;

// The image data of a PNG (each row a filter type byte, 0: none, then the packed row) as a zlib stream;
// an empty row is bare (zeros). The bare ground took 2 of zlib's 3 ms: each run of kBareRows bare rows
// is a copy of one deflated piece, and only the rest (inked rows and the shorter runs of bare rows
// between them) is deflated as it comes. zlib's two-byte header (RFC 1950: deflate, 32 KB window,
// fastest) and the Adler-32 of the whole data make the joined pieces a zlib stream.
std::string image_data(const std::vector<std::vector<std::uint8_t>>& rows, std::size_t row_bytes) {
  const std::size_t line = row_bytes + 1;
  Deflater deflater;
  std::string deflated = "\x78\x01";
  std::string bare_piece, pending;
  uLong bare_adler = 0, adler = adler32(0, nullptr, 0);
  auto deflate_pending = [&] {
    if (pending.empty()) return;
    adler = adler32(adler, reinterpret_cast<const Bytef*>(pending.data()), static_cast<uInt>(pending.size()));
    deflater.piece(pending, Z_SYNC_FLUSH, deflated);
    pending.clear();
  };
  for (std::size_t y = 0; y < rows.size();) {
    std::size_t bare = 0;
    while (y + bare < rows.size() && rows[y + bare].empty()) ++bare;
    if (bare >= kBareRows) {
      deflate_pending();
      if (bare_piece.empty()) {
        const std::string zeros(kBareRows * line, '\0');
        bare_adler = adler32(adler32(0, nullptr, 0), reinterpret_cast<const Bytef*>(zeros.data()),
                             static_cast<uInt>(zeros.size()));
        deflater.piece(zeros, Z_SYNC_FLUSH, bare_piece);
      }
      for (; bare >= kBareRows; bare -= kBareRows, y += kBareRows) {
        deflated += bare_piece;
        adler = adler32_combine(adler, bare_adler, static_cast<z_off_t>(kBareRows * line));
      }
    }
    pending.append(bare * line, '\0');
    y += bare;
    if (y < rows.size()) {
      pending += '\0';
      pending.append(reinterpret_cast<const char*>(rows[y].data()), row_bytes);
      ++y;
    }
  }
  deflate_pending();
  deflater.piece({}, Z_FINISH, deflated);  // the final block, empty
  for (int shift = 24; shift >= 0; shift -= 8) deflated += static_cast<char>((adler >> shift) & 0xff);
  return deflated;
}

// Writes the PNG into `out`: libpng writes the chunks, the image data as given. Everything with a
// destructor belongs to the caller, as longjmp skips destructors.
bool write_png(png_uint_32 width, png_uint_32 height, int bit_depth, const std::string& data,
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
  png_write_info(png, info);
  png_write_chunk(png, reinterpret_cast<png_const_bytep>("IDAT"), reinterpret_cast<png_const_bytep>(data.data()),
                  data.size());
  png_write_chunk(png, reinterpret_cast<png_const_bytep>("IEND"), nullptr, 0);
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

// The image's rows packed to `bits` (1, 2, 4 or 8) a pixel, each row starting a byte, `row_bytes`
// long; the empty rows stay empty.
std::vector<std::vector<std::uint8_t>> packed(int width, const std::vector<std::vector<std::uint8_t>>& rows,
                                              int bits, std::size_t row_bytes) {
  std::vector<std::vector<std::uint8_t>> out(rows.size());
  auto pack = bits == 1 ? pack_row<1> : bits == 2 ? pack_row<2> : pack_row<4>;
  for (std::size_t y = 0; y < rows.size(); ++y) {
    if (rows[y].empty()) continue;
    if (bits == 8) {
      out[y] = rows[y];
      continue;
    }
    out[y].resize(row_bytes);
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
  const std::size_t row_bytes = (static_cast<std::size_t>(width) * bits + 7) / 8;
  const std::string data = image_data(packed(width, rows, bits, row_bytes), row_bytes);
  std::string out;
  Failure failure{"out of memory"};
  if (!write_png(static_cast<png_uint_32>(width), static_cast<png_uint_32>(rows.size()), bits, data, colors, out,
                 failure)) {
    throw std::runtime_error(std::string("png: ") + failure.message);
  }
  return out;
}

}  // namespace recto::cover
