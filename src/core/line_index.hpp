// Maps byte offsets of one source file to (line, column in characters) and back.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "source_span.hpp"

namespace recto {

class LineIndex {
 public:
  LineIndex(FileId file, std::string_view text);

  SourceSpan at(std::size_t byte_offset) const;
  // Byte offset of a 1-based line and 1-based *byte* column (as cmark-gfm reports them).
  std::size_t offset(std::uint32_t line, std::uint32_t byte_col) const;
  std::size_t line_count() const { return starts_.size(); }
  std::string_view text() const { return text_; }
  FileId file() const { return file_; }

 private:
  FileId file_;
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

}  // namespace recto
