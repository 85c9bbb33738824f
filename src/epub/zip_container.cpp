// Writing the container in memory with libzip.
#include "zip_container.hpp"

#include <zip.h>

#include <memory>
#include <stdexcept>

#include "calendar.hpp"

namespace recto::epub {

namespace {

struct DosTime {
  zip_uint16_t time, date;
};

DosTime dos_time(std::int64_t timestamp) {
  UtcTime u = utc_time(timestamp);
  if (u.year < 1980) return {0, (1 << 5) | 1};  // 1980-01-01 00:00, the earliest DOS date
  int year = u.year > 2107 ? 2107 : u.year;
  auto time = static_cast<zip_uint16_t>(u.hour << 11 | u.minute << 5 | u.second / 2);
  auto date = static_cast<zip_uint16_t>((year - 1980) << 9 | u.month << 5 | u.day);
  return {time, date};
}

[[noreturn]] void fail(zip_t* archive, const char* what) {
  std::string message = std::string("zip: ") + what + ": " + zip_strerror(archive);
  zip_discard(archive);
  throw std::runtime_error(message);
}

}  // namespace

std::string zip_container(const std::vector<ZipEntry>& entries, std::int64_t timestamp) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) throw std::runtime_error("zip: cannot create a buffer");
  zip_source_keep(buffer);  // read back after zip_close
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> keep(buffer, zip_source_free);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip: cannot open the archive");

  DosTime when = dos_time(timestamp);
  for (const ZipEntry& e : entries) {
    zip_source_t* data = zip_source_buffer(archive, e.data.data(), e.data.size(), 0);
    if (!data) fail(archive, "buffer");
    zip_int64_t index = zip_file_add(archive, e.path.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(data);
      fail(archive, e.path.c_str());
    }
    auto i = static_cast<zip_uint64_t>(index);
    if (zip_set_file_compression(archive, i, e.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, e.stored ? 0 : 6) < 0 ||
        zip_file_set_dostime(archive, i, when.time, when.date, 0) < 0 ||
        zip_file_set_external_attributes(archive, i, 0, ZIP_OPSYS_UNIX, 0100644u << 16) < 0) {
      fail(archive, e.path.c_str());
    }
  }
  if (zip_close(archive) < 0) fail(archive, "close");

  zip_stat_t stat;
  if (zip_source_stat(buffer, &stat) < 0 || zip_source_open(buffer) < 0) throw std::runtime_error("zip: read back");
  std::string bytes(stat.size, '\0');
  zip_int64_t n = zip_source_read(buffer, bytes.data(), stat.size);
  zip_source_close(buffer);
  if (n < 0 || static_cast<zip_uint64_t>(n) != stat.size) throw std::runtime_error("zip: read back");
  return bytes;
}

}  // namespace recto::epub
