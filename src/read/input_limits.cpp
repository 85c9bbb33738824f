// Finding a paragraph with too many brackets, in one pass.
#include "input_limits.hpp"

namespace recto {

std::size_t paragraph_with_too_many_brackets(std::string_view text) {
  std::size_t line = 1, paragraph_line = 1, brackets = 0;
  bool blank = true;  // the current line has only spaces so far
  for (char c : text) {
    if (c == '\n') {
      if (blank) brackets = 0, paragraph_line = line + 1;
      ++line;
      blank = true;
      continue;
    }
    if (c != ' ' && c != '\t' && c != '\r') blank = false;
    if (c == '[' && ++brackets > max_brackets_per_paragraph) return paragraph_line;
  }
  return 0;
}

}  // namespace recto
