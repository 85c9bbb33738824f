// The cache folder from the environment; paths' states from stat; the executable from /proc.
#include "cache_folder.hpp"

#include <sys/stat.h>

#include <cstdint>
#include <cstdlib>

namespace recto {

namespace {

std::string env_or_empty(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

std::optional<std::filesystem::path> cache_folder() {
  if (std::string xdg = env_or_empty("XDG_CACHE_HOME"); !xdg.empty() && xdg.front() == '/') {
    return std::filesystem::path(xdg) / "recto";
  }
  if (std::string home = env_or_empty("HOME"); !home.empty() && home.front() == '/') {
    return std::filesystem::path(home) / ".cache" / "recto";
  }
  return std::nullopt;
}

std::string path_state(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "-";
  return std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + " " +
         std::to_string(st.st_size) + " " + std::to_string(st.st_ino);
}

std::string executable_identity() {
  std::error_code ec;
  const std::string exe = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  return exe + " " + path_state(exe);
}

std::string hex_hash(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (int shift = 60; shift >= 0; shift -= 4) out += digits[(h >> shift) & 15];
  return out;
}

}  // namespace recto
