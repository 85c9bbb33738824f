// The edition's identifier (UUID v5 via libuuid) and timestamp.
#include "edition.hpp"

#include <uuid/uuid.h>

#include <cstdio>

#include "calendar.hpp"

namespace recto::epub {

namespace {

// recto's UUID namespace: the UUID v5 of "https://recto.invalid/book" in the URL namespace.
const char* const recto_namespace = "129b4f40-8ff0-5d35-a17c-e9bf9acff1ca";

}  // namespace

std::string uuid_v5(const std::string& name) {
  uuid_t ns, out;
  uuid_parse(recto_namespace, ns);
  uuid_generate_sha1(out, ns, name.data(), name.size());
  char text[37];
  uuid_unparse_lower(out, text);
  return text;
}

std::optional<std::int64_t> parse_w3c_date(const std::string& date) {
  int y = 0;
  unsigned m = 1, d = 1;
  int n = 0;
  if (std::sscanf(date.c_str(), "%4d%n", &y, &n) != 1 || n != 4) return std::nullopt;
  if (date.size() > 4 && std::sscanf(date.c_str() + 4, "-%2u%n", &m, &n) == 1) {
    if (date.size() > 7) std::sscanf(date.c_str() + 7, "-%2u", &d);
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  return days_from_civil(y, m, d) * 86400;
}

Edition make_edition(const Meta& meta, std::optional<std::int64_t> source_date_epoch) {
  Edition e;
  std::string name = meta.title;
  for (const auto& a : meta.authors) name += "\n" + a;
  e.identifier = meta.identifier.empty() ? "urn:uuid:" + uuid_v5(name) : meta.identifier;
  e.lang = meta.language();
  std::optional<std::int64_t> t = source_date_epoch ? source_date_epoch : parse_w3c_date(meta.date);
  e.dated = t.has_value();
  e.timestamp = t.value_or(days_from_civil(1980, 1, 1) * 86400);
  UtcTime u = utc_time(e.timestamp);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", u.year, u.month, u.day);
  e.day = buf;
  std::snprintf(buf, sizeof buf, "%sT%02u:%02u:%02uZ", e.day.c_str(), u.hour, u.minute, u.second);
  e.modified = buf;
  return e;
}

}  // namespace recto::epub
