// Flate (zlib) compression of stream data, done by recto so that it can run on several threads.
#pragma once

#include <string>
#include <string_view>

namespace recto::pdf {

// The data as a zlib stream, at zlib's default level (as libharu compresses its own streams).
// Throws std::runtime_error when zlib fails.
std::string deflated(std::string_view data);

}  // namespace recto::pdf
