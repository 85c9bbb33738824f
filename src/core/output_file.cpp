// Atomic output files: write to a temporary sibling, then rename it over the file. Like a compiler's
// outputs, they are not synced to the disk (that cost a millisecond a file): a build that fails
// leaves the previous file, and none is ever seen half written.
#include "output_file.hpp"

#include <unistd.h>  // getpid

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace recto {

std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::path tmp = path;
  tmp += ".tmp-" + std::to_string(::getpid());
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return std::strerror(errno);
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  int saved = errno;
  ok = std::fflush(f) == 0 && ok;
  if (ok) saved = errno;
  ok = std::fclose(f) == 0 && ok;
  if (!ok) {
    std::remove(tmp.c_str());
    return std::strerror(saved ? saved : EIO);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    saved = errno;
    std::remove(tmp.c_str());
    return std::strerror(saved);
  }
  return "";
}

}  // namespace recto
