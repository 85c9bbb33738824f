// Flate compression through zlib's one-call API.
#include "flate.hpp"

#include <zlib.h>

#include <stdexcept>

namespace recto::pdf {

std::string deflated(std::string_view data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  int status = compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                         static_cast<uLong>(data.size()), 5);
  if (status != Z_OK) throw std::runtime_error("pdf: zlib could not compress a stream (error " + std::to_string(status) + ")");
  out.resize(size);
  return out;
}

}  // namespace recto::pdf
