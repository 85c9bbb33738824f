// Calendar arithmetic on UTC seconds since 1970, with no time zone anywhere (reproducible dates).
#pragma once

#include <cstdint>

namespace recto {

struct UtcTime {
  int year;
  unsigned month, day, hour, minute, second;
};

// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);

UtcTime utc_time(std::int64_t seconds_since_1970);

}  // namespace recto
