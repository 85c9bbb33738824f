// The EPUB's ZIP container read back by libzip: entries compressed beforehand on threads come out
// whole, with their CRC, method and order, next to stored ones.
#include <zip.h>

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "zip_container.hpp"

using recto::epub::ZipEntry;

namespace {

// Text that compresses, but not to nothing: words picked by a little linear congruential generator.
std::string words(std::size_t count) {
  static const char* const pool[] = {"WeChat ", "is ", "watching ", "the ", "app ", "that ", "never ", "sleeps. "};
  std::string out;
  std::uint32_t state = 12345;
  for (std::size_t i = 0; i < count; ++i) {
    state = state * 1103515245u + 12345u;
    out += pool[(state >> 16) % 8];
  }
  return out;
}

}  // namespace

TEST_CASE("a container's deflated and stored entries read back whole, in order, with their CRC", "[epub]") {
  const std::vector<ZipEntry> entries = {
      {"mimetype", "application/epub+zip", true},
      {"EPUB/empty.xhtml", "", false},
      {"EPUB/short.xhtml", "<p>one line</p>", false},
      {"EPUB/long.xhtml", words(200000), false},  // far more than libzip reads at a time
      {"EPUB/images/cover.png", std::string("\x89PNG\r\n\x1a\n", 8) + words(100), true},
  };
  const std::string bytes = recto::epub::zip_container(entries, 1546300800);  // 2019-01-01 00:00 UTC

  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(source);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  INFO(zip_error_strerror(&error));
  REQUIRE(archive);
  std::unique_ptr<zip_t, decltype(&zip_discard)> closing(archive, zip_discard);
  REQUIRE(zip_get_num_entries(archive, 0) == static_cast<zip_int64_t>(entries.size()));
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ZipEntry& e = entries[i];
    INFO(e.path);
    zip_stat_t st;
    REQUIRE(zip_stat_index(archive, i, 0, &st) == 0);
    CHECK(std::string(st.name) == e.path);
    CHECK(st.size == e.data.size());
    CHECK(st.comp_method == (e.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE));
    if (e.path == "EPUB/long.xhtml") CHECK(st.comp_size < st.size / 3);
    // zip_fread checks the CRC the entry records against the data it inflates.
    std::string data(e.data.size(), '\0');
    zip_file_t* f = zip_fopen_index(archive, i, 0);
    REQUIRE(f);
    zip_int64_t n = zip_fread(f, data.data(), data.size());
    char rest;
    CHECK(zip_fread(f, &rest, 1) == 0);
    zip_fclose(f);
    CHECK(n == static_cast<zip_int64_t>(e.data.size()));
    CHECK(data == e.data);
  }
}
