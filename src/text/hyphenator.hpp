// Hyphenation with libhyphen and Debian's patterns (hyphen-* packages), per language, cached per word.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace recto::text {

class Hyphenator {
 public:
  Hyphenator();
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  // Byte offsets inside the word where it may be hyphenated (a hyphen goes before the byte), at
  // least 2 characters from its start and 3 from its end; none for a language without patterns
  // ("en" uses hyph_en_US.dic; "en-GB" hyph_en_GB.dic when installed, else en_US), for words with
  // digits or capitals-only, and for words that already hold a hyphen or a soft hyphen. Threads may
  // share a Hyphenator: the words one hyphenates are known to all.
  const std::vector<std::size_t>& points(std::string_view word, const std::string& lang);

  // Every pattern file opened (for depfiles).
  std::vector<std::string> files() const;

  // Starts reading the language's patterns on a thread of their own, for whichever Hyphenator
  // needs them first: reading them takes as long as setting a short book.
  static void preload(const std::string& lang);

  // The pattern file for a language (BCP 47): the first installed of language_REGION, the language
  // with its usual region, the bare language; "" when none is.
  static std::string pattern_file(const std::string& lang);

 private:
  struct Dictionary;
  Dictionary* dictionary(const std::string& lang);
  std::map<std::string, std::unique_ptr<Dictionary>> dictionaries_;  // by language; null: none
  std::unordered_map<std::string, std::vector<std::size_t>> cache_;
  std::vector<std::string> files_;
  mutable std::mutex mutex_;
};

}  // namespace recto::text
