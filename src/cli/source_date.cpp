// Reading SOURCE_DATE_EPOCH from the environment.
#include "source_date.hpp"

#include <cstdlib>

namespace recto {

std::optional<std::int64_t> source_date_epoch(bool& ok) {
  ok = true;
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return std::nullopt;
  char* end = nullptr;
  long long seconds = std::strtoll(value, &end, 10);
  ok = *end == '\0' && seconds >= 0;
  return seconds;
}

}  // namespace recto
