// SOURCE_DATE_EPOCH (reproducible-builds.org), the date a reproducible build is made on.
#pragma once

#include <cstdint>
#include <optional>

namespace recto {

// nullopt when unset; `ok` false when it is set but not a number of seconds.
std::optional<std::int64_t> source_date_epoch(bool& ok);

}  // namespace recto
