// SOURCE_DATE_EPOCH (reproducible-builds.org), the date a reproducible build is made on.
#pragma once

#include <cstdint>
#include <optional>

namespace recto {

// 9999-12-31T23:59:59Z, the last moment a four-digit year can name.
inline constexpr std::int64_t kLastSecondOf9999 = 253402300799;

// nullopt when unset; `ok` false when it is set but not a number of seconds from 1970 to the end of
// 9999.
std::optional<std::int64_t> source_date_epoch(bool& ok);

}  // namespace recto
