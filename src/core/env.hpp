// The run's environment: the files it reads (and remembers, for depfiles) and the source table.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "source_span.hpp"

namespace recto {

class Env {
 public:
  // Reads a whole file (from memory_files when it is there, else from the disk); nullopt when it
  // does not exist or cannot be read.
  std::optional<std::string> read_file(const std::filesystem::path& path);

  // The size in bytes of a file that read_file would read, without reading it; nullopt when there is
  // no such file.
  std::optional<std::uintmax_t> file_size(const std::filesystem::path& path) const;

  // Files served from memory instead of the disk, by path: the fuzzers build books without touching it.
  std::map<std::filesystem::path, std::string> memory_files;

  Sources sources;
  std::vector<std::filesystem::path> inputs_read;  // every file read, in order
  std::uintmax_t text_bytes_read = 0;             // of the manuscript's text files, against its limit
};

}  // namespace recto
