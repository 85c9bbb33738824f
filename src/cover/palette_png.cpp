// A palette PNG in memory: the image data deflated with zlib, the chunks written by libpng, whose
// errors are brought back by longjmp to where they become an exception.
#include "palette_png.hpp"

#include <png.h>
#include <zlib.h>

#include <csetjmp>
#include <cstring>
#include <stdexcept>
#include <string_view>

#include "deflate.hpp"

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

// zlib's raw deflate in pieces, each deflated on its own (the state reset) and ending on a byte (a
// sync flush), so that pieces deflated apart join into one deflate stream; a piece's data may come
// in parts. Run-length matches only, which suit long runs of one index and give the same bytes at
// every level; memory level 4 rather than 8, as such matches use no hash table (which zlib would
// still sweep).
class Deflater {
 public:
  Deflater() {
    if (deflateInit2(&stream_, 1, Z_DEFLATED, -15, 4, Z_RLE) != Z_OK) throw std::runtime_error("png: zlib cannot start");
  }
  ~Deflater() { deflateEnd(&stream_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  // Appends to `out` what deflating `data` in the open piece gives (a new piece when none is open).
  void add(std::string_view data, std::string& out) {
    if (!open_) deflateReset(&stream_);
    open_ = true;
    run(data, Z_NO_FLUSH, out);
  }
  // Ends the open piece, if any, on a byte.
  void end_piece(std::string& out) {
    if (open_) run({}, Z_SYNC_FLUSH, out);
    open_ = false;
  }
  // A whole piece of its own: `data` deflated apart and ended with `flush` (Z_SYNC_FLUSH, or Z_FINISH
  // for the stream's final block).
  void piece(std::string_view data, int flush, std::string& out) {
    end_piece(out);
    deflateReset(&stream_);
    run(data, flush, out);
  }

 private:
  void run(std::string_view data, int flush, std::string& out) {
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream_.avail_in = static_cast<uInt>(data.size());
    do {
      char buffer[16384];
      stream_.next_out = reinterpret_cast<Bytef*>(buffer);
      stream_.avail_out = sizeof buffer;
      int status = deflate(&stream_, flush);
      if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) throw std::runtime_error("png: zlib failed");
      out.append(buffer, sizeof buffer - stream_.avail_out);
    } while (stream_.avail_out == 0 || stream_.avail_in > 0);
  }

  z_stream stream_{};
  bool open_ = false;
};

// A cover is mostly bare ground: runs of this many bare rows are one deflated piece, made once.
constexpr std::size_t kBareRows = 64;

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

// Two indices a byte (a cover's 16 shades of ink), eight at a time: each pair of index bytes
// becomes its packed byte in the low byte of a 16-bit lane, and the four lanes' low bytes are
// gathered. Runs of zero indices are skipped, as above.
template <>
void pack_row<4>(const std::uint8_t* from, int width, std::uint8_t* to) {
  int x = 0;
  for (; x + 8 <= width; x += 8) {
    std::uint64_t eight;
    std::memcpy(&eight, from + x, sizeof eight);
    if (eight == 0) continue;
    std::uint64_t lanes = ((eight << 4) | (eight >> 8)) & 0x00ff00ff00ff00ffull;  // little-endian lanes
    lanes = (lanes | lanes >> 8) & 0x0000ffff0000ffffull;
    const auto four = static_cast<std::uint32_t>(lanes | lanes >> 16);
    std::memcpy(to + x / 2, &four, sizeof four);
  }
  for (; x < width; ++x) to[x / 2] |= static_cast<std::uint8_t>(from[x] << (x % 2 ? 0 : 4));
}

// The image data of a PNG (each row a filter type byte, 0: none, then the row's indices packed
// `bits` a pixel) as a zlib stream; an empty row is bare (zeros). The bare ground took 2 of zlib's
// 3 ms: each run of kBareRows bare rows is a copy of one deflated piece, and only the rest (inked
// rows and the shorter runs of bare rows between them) is deflated as it comes, a row at a time.
// zlib's two-byte header (RFC 1950: deflate, 32 KB window, fastest) and the Adler-32 of the whole
// data make the joined pieces a zlib stream.
std::string image_data(const std::vector<std::vector<std::uint8_t>>& rows, int width, int bits) {
  const std::size_t row_bytes = (static_cast<std::size_t>(width) * bits + 7) / 8;
  const std::size_t line = row_bytes + 1;
  auto pack = bits == 1 ? pack_row<1> : bits == 2 ? pack_row<2> : pack_row<4>;
  Deflater deflater;
  std::string deflated = "\x78\x01";
  std::string bare_piece, packed(line, '\0');
  const std::string bare_line(line, '\0');
  std::uint32_t bare_adler = 0, adler = 1;
  auto add = [&](std::string_view data) {
    adler = adler32_of(adler, data);
    deflater.add(data, deflated);
  };
  for (std::size_t y = 0; y < rows.size();) {
    std::size_t bare = 0;
    while (y + bare < rows.size() && rows[y + bare].empty()) ++bare;
    if (bare >= kBareRows) {
      deflater.end_piece(deflated);
      if (bare_piece.empty()) {
        const std::string zeros(kBareRows * line, '\0');
        bare_adler = adler32_of(1, zeros);
        deflater.piece(zeros, Z_SYNC_FLUSH, bare_piece);
      }
      for (; bare >= kBareRows; bare -= kBareRows, y += kBareRows) {
        deflated += bare_piece;
        adler = static_cast<std::uint32_t>(adler32_combine(adler, bare_adler, static_cast<z_off_t>(kBareRows * line)));
      }
    }
    for (; bare > 0; --bare, ++y) add(bare_line);
    if (y < rows.size()) {
      auto* row = reinterpret_cast<std::uint8_t*>(packed.data() + 1);
      if (bits == 8) {
        std::memcpy(row, rows[y].data(), row_bytes);
      } else {
        std::memset(row, 0, row_bytes);
        pack(rows[y].data(), width, row);
      }
      add(packed);
      ++y;
    }
  }
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

}  // namespace

std::string palette_png(int width, const std::vector<std::vector<std::uint8_t>>& rows,
                        const std::vector<Rgb>& palette) {
  std::vector<png_color> colors;
  for (const Rgb& c : palette) colors.push_back({c.r, c.g, c.b});
  const int bits = bits_for(palette.size());
  const std::string data = image_data(rows, width, bits);
  std::string out;
  Failure failure{"out of memory"};
  if (!write_png(static_cast<png_uint_32>(width), static_cast<png_uint_32>(rows.size()), bits, data, colors, out,
                 failure)) {
    throw std::runtime_error(std::string("png: ") + failure.message);
  }
  return out;
}

}  // namespace recto::cover
