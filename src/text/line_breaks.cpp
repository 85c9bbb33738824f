// Line break opportunities: ICU's line break iterator (UAX #14) in the text's language.
#include "line_breaks.hpp"

#include "break_iterators.hpp"

namespace recto::text {

std::vector<std::size_t> break_opportunities(std::string_view text, const std::string& lang) {
  return icu_boundaries(text, lang, BreakKind::line);
}

}  // namespace recto::text
