// ICU break iterators, one per kind, language and thread, run over UTF-8 text.
#include "break_iterators.hpp"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <map>
#include <memory>
#include <utility>

#include "char_class.hpp"

namespace recto::text {

namespace {

// Creating an iterator loads its rules and dictionaries: keep one per kind and language. Sentence
// iterators use ICU's standard suppressions ("ss=standard"): no sentence ends after an abbreviation
// that ICU lists for the language ("Mr. Smith"; ICU 72's English list has "Mr." but not "Dr.").
icu::BreakIterator* iterator_for(const std::string& lang, BreakKind kind) {
  thread_local std::map<std::pair<BreakKind, std::string>, std::unique_ptr<icu::BreakIterator>> iterators;
  auto key = std::make_pair(kind, lang);
  auto found = iterators.find(key);
  if (found != iterators.end()) return found->second.get();
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
  if (U_FAILURE(status)) locale = icu::Locale::getRoot();
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator;
  if (kind == BreakKind::line) {
    iterator.reset(icu::BreakIterator::createLineInstance(locale, status));
  } else {
    locale.setKeywordValue("ss", "standard", status);
    status = U_ZERO_ERROR;
    iterator.reset(icu::BreakIterator::createSentenceInstance(locale, status));
  }
  if (U_FAILURE(status)) iterator.reset();
  return (iterators[key] = std::move(iterator)).get();
}

}  // namespace

std::vector<std::size_t> icu_boundaries(std::string_view text, const std::string& lang, BreakKind kind) {
  std::vector<std::size_t> offsets;
  icu::BreakIterator* iterator = iterator_for(lang, kind);
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
