// Reading input files for a run and remembering which were read.
#include "env.hpp"

#include <fstream>
#include <sstream>

namespace recto {

std::optional<std::string> Env::read_file(const std::filesystem::path& path) {
  if (auto it = memory_files.find(path); it != memory_files.end()) {
    inputs_read.push_back(path);
    return it->second;
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return std::nullopt;
  inputs_read.push_back(path);
  return std::move(buf).str();
}

std::optional<std::uintmax_t> Env::file_size(const std::filesystem::path& path) const {
  if (auto it = memory_files.find(path); it != memory_files.end()) return it->second.size();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return std::nullopt;
  return size;
}

}  // namespace recto
