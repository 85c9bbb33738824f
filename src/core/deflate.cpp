// Flate compression through libdeflate's whole-buffer zlib compressor, one per thread.
#include "flate.hpp"

#include <libdeflate.h>

#include <memory>
#include <stdexcept>

namespace recto::pdf {

namespace {

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

}  // namespace

std::string deflated(std::string_view data) {
  // A compressor holds large tables: each thread makes one, and keeps it.
  thread_local std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor(libdeflate_alloc_compressor(6));
  if (!compressor) throw std::runtime_error("pdf: libdeflate could not make a compressor (out of memory)");
  std::string out(libdeflate_zlib_compress_bound(compressor.get(), data.size()), '\0');
  std::size_t size = libdeflate_zlib_compress(compressor.get(), data.data(), data.size(), out.data(), out.size());
  if (size == 0) throw std::runtime_error("pdf: libdeflate could not compress a stream");
  out.resize(size);
  return out;
}

}  // namespace recto::pdf
