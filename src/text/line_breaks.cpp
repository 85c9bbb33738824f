// Line break opportunities from ICU's line break iterator, one iterator per language and thread.
#include "line_breaks.hpp"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <map>
#include <memory>

#include "char_class.hpp"

namespace recto::text {

namespace {

// Creating a line break iterator loads its rules and dictionaries: keep one per language.
icu::BreakIterator* line_iterator(const std::string& lang) {
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>> iterators;
  auto found = iterators.find(lang);
  if (found != iterators.end()) return found->second.get();
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
  if (U_FAILURE(status)) locale = icu::Locale::getRoot();
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createLineInstance(locale, status));
  if (U_FAILURE(status)) iterator.reset();
  return (iterators[lang] = std::move(iterator)).get();
}

}  // namespace

std::vector<std::size_t> break_opportunities(std::string_view text, const std::string& lang) {
  std::vector<std::size_t> offsets;
  icu::BreakIterator* iterator = line_iterator(lang);
  if (!iterator || text.empty()) return offsets;

  // ICU works in UTF-16: remember the byte where each code unit's character starts.
  std::vector<UChar> units;
  std::vector<std::size_t> byte_of_unit;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t start = i;
    char32_t c = next_char(text, i);
    UChar pair[2];
    std::int32_t length = 0;
    U16_APPEND_UNSAFE(pair, length, static_cast<UChar32>(c));
    units.insert(units.end(), pair, pair + length);
    byte_of_unit.insert(byte_of_unit.end(), static_cast<std::size_t>(length), start);
  }
  icu::UnicodeString string(false, units.data(), static_cast<std::int32_t>(units.size()));
  iterator->setText(string);
  for (std::int32_t at = iterator->next(); at != icu::BreakIterator::DONE; at = iterator->next()) {
    if (at > 0 && static_cast<std::size_t>(at) < units.size()) offsets.push_back(byte_of_unit[at]);
  }
  return offsets;
}

}  // namespace recto::text
