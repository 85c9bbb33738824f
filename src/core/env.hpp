// The run's environment: the files it reads (and remembers, for depfiles) and the source table.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "source_span.hpp"

namespace recto {

class Env {
 public:
  // Reads a whole file; nullopt when it does not exist or cannot be read.
  std::optional<std::string> read_file(const std::filesystem::path& path);

  Sources sources;
  std::vector<std::filesystem::path> inputs_read;  // every file read, in order
};

}  // namespace recto
