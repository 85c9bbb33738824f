// Character classes for run splitting, from ICU's Unicode properties.
#include "char_class.hpp"

#include <unicode/uchar.h>

#include "utf8.hpp"

namespace recto::text {

CharClass classify(char32_t c) {
  // ASCII, most text, has no ignorable character and no mark, and one space separator: ICU's
  // property lookups cost 150 instructions a character.
  if (c < 0x80) return c == U' ' ? CharClass::space : CharClass::ordinary;
  auto code = static_cast<UChar32>(c);
  if (u_hasBinaryProperty(code, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return CharClass::ignorable;
  if ((U_GET_GC_MASK(code) & U_GC_M_MASK) || u_hasBinaryProperty(code, UCHAR_EMOJI_MODIFIER)) {
    return CharClass::mark;
  }
  if (u_charType(code) == U_SPACE_SEPARATOR) return CharClass::space;
  return CharClass::ordinary;
}

char32_t next_char(std::string_view text, std::size_t& i) {
  if (utf8::sequence_length(text, i) == 0) {
    ++i;
    return 0xFFFD;
  }
  return utf8::decode(text, i);
}

}  // namespace recto::text
