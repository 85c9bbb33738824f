// Writing a byte count as megabytes.
#include "byte_size.hpp"

namespace recto {

std::string megabytes(std::uintmax_t bytes) {
  std::uintmax_t tenths = (bytes + 99'999) / 100'000;
  std::string out = std::to_string(tenths / 10);
  if (tenths % 10) out += "." + std::to_string(tenths % 10);
  return out + " MB";
}

}  // namespace recto
