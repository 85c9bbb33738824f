// File sizes written for people, in the messages about input limits.
#pragma once

#include <cstdint>
#include <string>

namespace recto {

// Decimal megabytes with one decimal, rounded up so that a size over a limit never reads as the limit:
// 104857600 → "104.9 MB", 10000000 → "10 MB".
std::string megabytes(std::uintmax_t bytes);

}  // namespace recto
