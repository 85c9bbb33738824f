// Sentence boundaries: ICU's sentence break iterator, with its standard abbreviation suppressions.
#include "sentence_breaks.hpp"

#include "break_iterators.hpp"

namespace recto::text {

std::vector<std::size_t> sentence_boundaries(std::string_view text, const std::string& lang) {
  return icu_boundaries(text, lang, BreakKind::sentence);
}

}  // namespace recto::text
