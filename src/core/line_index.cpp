// Line starts of a source text, for turning byte offsets into positions in characters.
#include "line_index.hpp"

#include <algorithm>
#include <cstring>

#include "utf8.hpp"

namespace recto {

LineIndex::LineIndex(FileId file, std::string_view text) : file_(file), text_(text) {
  starts_.push_back(0);
  const char* const end = text.data() + text.size();
  for (const char* p = text.data(); p < end; ++p) {
    p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (!p) break;
    starts_.push_back(static_cast<std::size_t>(p - text.data()) + 1);
  }
}

SourceSpan LineIndex::at(std::size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), byte_offset);
  std::size_t line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
  std::size_t start = starts_[line - 1];
  auto col = utf8::count_chars(text_.substr(start, byte_offset - start)) + 1;
  return SourceSpan{file_, static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(col)};
}

std::size_t LineIndex::offset(std::uint32_t line, std::uint32_t byte_col) const {
  if (line == 0) return 0;
  if (line > starts_.size()) return text_.size();
  std::size_t start = starts_[line - 1];
  return std::min(start + (byte_col > 0 ? byte_col - 1 : 0), text_.size());
}

}  // namespace recto
