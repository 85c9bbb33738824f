// This edition: what makes it reproducible (its identifier and its one timestamp), and the readers it
// is made for (its variant).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "tree.hpp"
#include "variant.hpp"

namespace recto::epub {

struct Edition {
  std::string identifier;    // the manuscript's, else "urn:uuid:" + a UUID v5 of title and authors
  std::string lang;          // BCP 47; "en" when the manuscript names none
  std::int64_t timestamp{};  // seconds since 1970, UTC: SOURCE_DATE_EPOCH, else the manuscript's date
  bool dated = false;        // false: neither was given, and the timestamp is the zip epoch (1980)
  std::string modified;      // dcterms:modified, "2019-01-01T00:00:00Z"
  std::string day;           // "2019-01-01", for the colophon
  Variant variant;           // the markup for Kobo or Kindle; by default, the plain EPUB
};

Edition make_edition(const Meta& meta, std::optional<std::int64_t> source_date_epoch);

// A UUID v5 (RFC 4122, SHA-1) of the name in recto's namespace, as 36 lower-case characters.
std::string uuid_v5(const std::string& name);

// Seconds since 1970 of a W3C date ("2019", "2019-03", "2019-03-15", time ignored), or nullopt.
std::optional<std::int64_t> parse_w3c_date(const std::string& date);

}  // namespace recto::epub
