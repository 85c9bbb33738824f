// Writing the container in memory with libzip, its entries compressed beforehand on several threads.
#include "zip_container.hpp"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "calendar.hpp"
#include "deflate.hpp"
#include "parallel.hpp"

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

// An entry's data compressed already (raw deflate), which a libzip source hands over as it is: libzip
// copies data whose source reports it compressed by the method the entry asks for, rather than
// compressing it again on the one thread that closes the archive.
struct Deflated {
  std::string bytes;
  std::uint64_t size = 0;  // uncompressed
  std::uint32_t crc = 0;   // of the uncompressed data
  std::size_t read = 0;
  zip_error_t error;

  Deflated() { zip_error_init(&error); }
  ~Deflated() { zip_error_fini(&error); }
  Deflated(const Deflated&) = delete;
  Deflated& operator=(const Deflated&) = delete;
};

zip_int64_t deflated_source(void* state, void* data, zip_uint64_t length, zip_source_cmd_t command) {
  auto& d = *static_cast<Deflated*>(state);
  switch (command) {
    case ZIP_SOURCE_OPEN:
      d.read = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      std::size_t n = std::min<std::size_t>(length, d.bytes.size() - d.read);
      std::memcpy(data, d.bytes.data() + d.read, n);
      d.read += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:  // the Deflated belongs to zip_container
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD;
      st->size = d.size;
      st->comp_size = d.bytes.size();
      st->comp_method = ZIP_CM_DEFLATE;
      st->crc = d.crc;
      st->encryption_method = ZIP_EM_NONE;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&d.error, data, length);
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                            ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS, -1);
    default:
      zip_error_set(&d.error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

[[noreturn]] void fail(zip_t* archive, const char* what) {
  std::string message = std::string("zip: ") + what + ": " + zip_strerror(archive);
  zip_discard(archive);
  throw std::runtime_error(message);
}

}  // namespace

std::string zip_container(const std::vector<ZipEntry>& entries, std::int64_t timestamp) {
  // The entries compressed at once, before the archive is opened: nothing of libzip's is left to free
  // if compressing throws. The archive keeps pointers to them until it is closed.
  std::vector<Deflated> deflated(entries.size());
  run_parallel(entries.size(), [&](std::size_t i) {
    const ZipEntry& e = entries[i];
    if (e.stored) return;
    deflated[i].bytes = raw_deflated(e.data);
    deflated[i].size = e.data.size();
    deflated[i].crc = crc32_of(e.data);
  });

  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) throw std::runtime_error("zip: cannot create a buffer");
  zip_source_keep(buffer);  // read back after zip_close
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> keep(buffer, zip_source_free);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip: cannot open the archive");

  DosTime when = dos_time(timestamp);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ZipEntry& e = entries[i];
    zip_source_t* data = e.stored ? zip_source_buffer(archive, e.data.data(), e.data.size(), 0)
                                  : zip_source_function(archive, deflated_source, &deflated[i]);
    if (!data) fail(archive, "buffer");
    zip_int64_t index = zip_file_add(archive, e.path.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(data);
      fail(archive, e.path.c_str());
    }
    auto at = static_cast<zip_uint64_t>(index);
    if ((e.stored && zip_set_file_compression(archive, at, ZIP_CM_STORE, 0) < 0) ||
        zip_file_set_dostime(archive, at, when.time, when.date, 0) < 0 ||
        zip_file_set_external_attributes(archive, at, 0, ZIP_OPSYS_UNIX, 0100644u << 16) < 0) {
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
