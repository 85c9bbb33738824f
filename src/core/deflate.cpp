// Deflate compression through libdeflate's whole-buffer compressors, one per thread.
#include "deflate.hpp"

#include <libdeflate.h>

#include <memory>
#include <stdexcept>

namespace recto {

namespace {

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// The data compressed at the level by one of libdeflate's formats (zlib or raw), with the size bound
// it needs.
template <typename Bound, typename Compress>
std::string compressed(std::string_view data, int level, Bound bound, Compress compress) {
  // A compressor holds large tables: each thread makes one a level, and keeps it.
  thread_local std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressors[13];
  auto& compressor = compressors[level];
  if (!compressor) compressor.reset(libdeflate_alloc_compressor(level));
  if (!compressor) throw std::runtime_error("libdeflate could not make a compressor (out of memory)");
  std::string out(bound(compressor.get(), data.size()), '\0');
  std::size_t size = compress(compressor.get(), data.data(), data.size(), out.data(), out.size());
  if (size == 0) throw std::runtime_error("libdeflate could not compress the data");
  out.resize(size);
  return out;
}

}  // namespace

std::string zlib_deflated(std::string_view data) {
  return compressed(data, 1, libdeflate_zlib_compress_bound, libdeflate_zlib_compress);
}

std::string raw_deflated(std::string_view data) {
  return compressed(data, 6, libdeflate_deflate_compress_bound, libdeflate_deflate_compress);
}

std::uint32_t crc32_of(std::string_view data) {
  return libdeflate_crc32(0, data.data(), data.size());
}

std::uint32_t adler32_of(std::uint32_t adler, std::string_view data) {
  return libdeflate_adler32(adler, data.data(), data.size());
}

}  // namespace recto
