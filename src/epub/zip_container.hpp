// The EPUB's ZIP container (OCF): the entries in the given order, every one with the same time.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace recto::epub {

struct ZipEntry {
  std::string path;  // inside the container, e.g. "EPUB/content.opf"
  std::string data;
  bool stored = false;  // not compressed: `mimetype` (it must not be), and images compressed already
};

// The ZIP file's bytes. Times are set as DOS date and time directly from `timestamp` (UTC), never
// through libzip's localtime, so the bytes do not depend on the time zone. Throws on libzip failure.
std::string zip_container(const std::vector<ZipEntry>& entries, std::int64_t timestamp);

}  // namespace recto::epub
