// Howard Hinnant's civil-date algorithms (public domain), on 64-bit day counts.
#include "calendar.hpp"

namespace recto {

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

UtcTime utc_time(std::int64_t t) {
  std::int64_t z = t / 86400, secs = t % 86400;
  if (secs < 0) secs += 86400, z -= 1;
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  UtcTime u{};
  u.day = doy - (153 * mp + 2) / 5 + 1;
  u.month = mp < 10 ? mp + 3 : mp - 9;
  u.year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (u.month <= 2));
  u.hour = static_cast<unsigned>(secs / 3600);
  u.minute = static_cast<unsigned>(secs / 60 % 60);
  u.second = static_cast<unsigned>(secs % 60);
  return u;
}

}  // namespace recto
