// Line break opportunities: ICU's line break iterator (UAX #14) in the text's language.
#include "line_breaks.hpp"

#include <unicode/uchar.h>

#include "break_iterators.hpp"
#include "char_class.hpp"

namespace recto::text {

namespace {

// Whether UAX #14 allows no break anywhere inside the text: it has only letters, digits, marks,
// quotation marks and infix punctuation (",", "."), between which no rule breaks (LB9, LB13, LB19,
// LB23, LB28, LB29). Most words are such, and need no iterator.
bool unbreakable(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    switch (u_getIntPropertyValue(static_cast<UChar32>(next_char(text, i)), UCHAR_LINE_BREAK)) {
      case U_LB_ALPHABETIC:
      case U_LB_HEBREW_LETTER:
      case U_LB_NUMERIC:
      case U_LB_COMBINING_MARK:
      case U_LB_QUOTATION:
      case U_LB_INFIX_NUMERIC:
        break;
      default:
        return false;
    }
  }
  return true;
}

}  // namespace

std::vector<std::size_t> break_opportunities(std::string_view text, const std::string& lang) {
  if (unbreakable(text)) return {};
  return icu_boundaries(text, lang, BreakKind::line);
}

}  // namespace recto::text
