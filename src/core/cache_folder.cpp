// The cache folder from the environment; paths' states from stat; the executable from /proc; the
// oldest entries removed.
#include "cache_folder.hpp"

#include <dlfcn.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <utility>
#include <vector>

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

std::string executable_path() {
  std::error_code ec;
  return std::filesystem::read_symlink("/proc/self/exe", ec).string();
}

std::string executable_identity() {
  const std::string exe = executable_path();
  return exe + " " + path_state(exe);
}

std::string library_identity(const void* function) {
  Dl_info info{};
  if (dladdr(function, &info) == 0 || !info.dli_fname) return "?";
  return std::string(info.dli_fname) + " " + path_state(info.dli_fname);
}

std::vector<std::string> tab_fields(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
    fields.push_back(line.substr(start, tab - start));
  }
  fields.push_back(line.substr(start));
  return fields;
}

bool plain_field(const std::string& text) { return text.find_first_of("\t\n") == std::string::npos; }

void keep_newest(const std::filesystem::path& folder, std::string_view extension, std::size_t kept) {
  std::error_code ec;
  std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.path().extension() == extension) files.emplace_back(entry.last_write_time(ec), entry.path());
  }
  if (files.size() <= kept) return;
  std::sort(files.begin(), files.end());
  for (std::size_t i = 0; i + kept < files.size(); ++i) std::filesystem::remove(files[i].second, ec);
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
