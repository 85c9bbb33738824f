// Where a node or a diagnostic comes from: a file of the manuscript, a line and a column in characters.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace recto {

using FileId = std::uint32_t;

struct SourceSpan {
  FileId file = 0;
  std::uint32_t line = 0;  // 1-based; 0 = unknown
  std::uint32_t col = 0;   // 1-based, in Unicode characters
  friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

// The files a run has read, by id; id 0 is "no file" (command-line level problems).
class Sources {
 public:
  Sources() : paths_{""} {}
  FileId add(std::string path) {
    paths_.push_back(std::move(path));
    return static_cast<FileId>(paths_.size() - 1);
  }
  const std::string& path(FileId id) const { return paths_.at(id); }
  std::size_t size() const { return paths_.size(); }

 private:
  std::vector<std::string> paths_;
};

}  // namespace recto
