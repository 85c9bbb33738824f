// Reading SOURCE_DATE_EPOCH from the environment.
#include "source_date.hpp"

#include <cerrno>
#include <cstdlib>

namespace recto {

std::optional<std::int64_t> source_date_epoch(bool& ok) {
  ok = true;
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  long long seconds = std::strtoll(value, &end, 10);
  // Up to the end of 9999: the dates of EPUB and PDF have four-digit years.
  ok = *end == '\0' && errno == 0 && seconds >= 0 && seconds <= kLastSecondOf9999;
  return seconds;
}

}  // namespace recto
