// Hyphenation points from libhyphen's pattern files, found per language, on ICU-lower-cased words.
#include "hyphenator.hpp"

#include <hyphen.h>
#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/edits.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <map>
#include <mutex>

#include "char_class.hpp"
#include "compiled_patterns.hpp"

namespace recto::text {

namespace {

constexpr const char* kPatternDirectory = "/usr/share/hyphen/";
constexpr std::size_t kLeftMin = 2, kRightMin = 3;  // characters kept together at each end

bool is_apostrophe(char32_t c) {
  return c == U'\'' || c == U'\u2019';
}
bool is_mark(char32_t c) {
  return U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK;
}

// The pattern files to try for a language, best first: language_REGION, the language with its
// usual region, the bare language.
std::vector<std::string> candidate_files(const icu::Locale& locale) {
  std::string language = locale.getLanguage(), region = locale.getCountry();
  std::string usual = language == "en" ? "US" : language;
  for (char& c : usual) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::vector<std::string> files;
  if (!region.empty()) files.push_back("hyph_" + language + "_" + region + ".dic");
  files.push_back("hyph_" + language + "_" + usual + ".dic");
  files.push_back("hyph_" + language + ".dic");
  return files;
}

}  // namespace

std::string Hyphenator::pattern_file(const std::string& lang) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
  if (U_FAILURE(status) || lang.empty()) return "";
  for (const std::string& name : candidate_files(locale)) {
    std::string path = kPatternDirectory + name;
    if (std::filesystem::exists(path)) return path;
  }
  return "";
}

namespace {

// Pattern files, loaded once per process and shared by every Hyphenator (each theme sets the book
// with its own); a load may run on a thread of its own while the book is read (Hyphenator::preload).
class PatternFiles {
 public:
  using Patterns = std::shared_ptr<HyphenDict>;
  static PatternFiles& instance() {
    static PatternFiles files;
    return files;
  }
  // The file's patterns (null when libhyphen cannot read it), loaded by the first caller: on a
  // thread of its own (std::launch::async) or by the first to wait for it (std::launch::deferred).
  std::shared_future<Patterns> load(const std::string& path, std::launch how) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto known = loads_.find(path);
    if (known != loads_.end()) return known->second;
    auto read = [path] {
      // Read whole, not a character at a time through a stream iterator (1.9 M instructions for
      // Debian's English patterns, on the way to the first hyphenated word).
      std::ifstream in(path, std::ios::binary | std::ios::ate);
      std::string file(in ? static_cast<std::size_t>(in.tellg()) : 0, '\0');
      in.seekg(0);
      in.read(file.data(), static_cast<std::streamsize>(file.size()));
      if (!in) file.clear();
      if (Patterns compiled = compiled_patterns(file)) return compiled;
      return Patterns(hnj_hyphen_load(path.c_str()), hnj_hyphen_free);
    };
    return loads_.emplace(path, std::async(how, read).share()).first->second;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_future<Patterns>> loads_;
};

// Frees what hnj_hyphen_hyphenate3 allocates for non-standard hyphenation.
struct Replacements {
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  int size = 0;
  ~Replacements() {
    if (rep) {
      for (int i = 0; i < size; ++i) std::free(rep[i]);
    }
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
};

}  // namespace

struct Hyphenator::Dictionary {
  std::string path;
  std::shared_ptr<HyphenDict> patterns;  // shared by the languages that use the same file
  std::string locale;                    // for lower-casing
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter{nullptr, ucnv_close};  // non-UTF-8
  mutable std::mutex converting;  // a converter keeps state; the rest is only read by the threads
  // ASCII letters lower-case to ASCII's lower case in the language (not in Turkish or Azeri, whose
  // capital I lower-cases to a dotless ı), and the file is UTF-8: such words skip ICU.
  bool plain_ascii = false;

  // The word's hyphenation points (see Hyphenator::points); threads may call this at once.
  std::vector<std::size_t> hyphenate(std::string_view word) const;
  // The same for a word (without the punctuation around it, `begin` bytes into the word) of ASCII
  // letters and apostrophes, when plain_ascii: one byte a character, lower-cased in place.
  std::vector<std::size_t> hyphenate_ascii(std::string_view core, std::size_t begin) const;
  // libhyphen's marks for the lower-cased, encoded word (odd: a hyphen may follow the character),
  // handed to `use` with its replacements (null unless non-standard hyphenation applies).
  template <typename Use>
  void with_marks(const std::string& input, Use use) const {
    auto size = static_cast<int>(input.size());
    std::vector<char> hyphens(input.size() + 5);
    Replacements replacements{.size = size};
    hnj_hyphen_hyphenate3(patterns.get(), input.c_str(), size, hyphens.data(), nullptr, &replacements.rep,
                          &replacements.pos, &replacements.cut, kLeftMin, kRightMin, 0, 0);
    use(hyphens.data(), replacements.rep);
  }

  // The lower-cased word in the file's encoding, one byte per character unless UTF-8 (libhyphen
  // counts characters either way), and where each of its characters starts in `lower`.
  bool encode(const std::string& lower, std::string& out, std::vector<std::size_t>& starts) const {
    for (std::size_t i = 0; i < lower.size();) {
      starts.push_back(i);
      std::size_t start = i;
      char32_t c = next_char(lower, i);
      if (!converter) {
        out.append(lower, start, i - start);
        continue;
      }
      UChar units[2];
      std::int32_t length = 0;
      U16_APPEND_UNSAFE(units, length, static_cast<UChar32>(c));
      char byte[4];
      UErrorCode status = U_ZERO_ERROR;
      std::lock_guard<std::mutex> lock(converting);
      if (ucnv_fromUChars(converter.get(), byte, sizeof byte, units, length, &status) != 1 ||
          U_FAILURE(status)) {
        return false;
      }
      out += byte[0];
    }
    starts.push_back(lower.size());
    return true;
  }
};

Hyphenator::Hyphenator() = default;
Hyphenator::~Hyphenator() = default;

Hyphenator::Dictionary* Hyphenator::dictionary(const std::string& lang) {
  auto found = dictionaries_.find(lang);
  if (found != dictionaries_.end()) return found->second.get();
  std::unique_ptr<Dictionary>& entry = dictionaries_[lang];
  std::string path = pattern_file(lang);
  if (path.empty()) return nullptr;
  auto dict = std::make_unique<Dictionary>();
  dict->path = path;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
  dict->locale = locale.getName();
  const std::string language = locale.getLanguage();
  dict->patterns = PatternFiles::instance().load(path, std::launch::deferred).get();
  if (!dict->patterns) return nullptr;
  if (std::find(files_.begin(), files_.end(), path) == files_.end()) files_.push_back(path);
  dict->plain_ascii = dict->patterns->utf8 && language != "tr" && language != "az";
  if (!dict->patterns->utf8) {
    dict->converter.reset(ucnv_open(dict->patterns->cset, &status));
    if (U_FAILURE(status)) return nullptr;
    ucnv_setFromUCallBack(dict->converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  }
  entry = std::move(dict);
  return entry.get();
}

void Hyphenator::preload(const std::string& lang) {
  std::string path = pattern_file(lang);
  if (!path.empty()) PatternFiles::instance().load(path, std::launch::async);
}

const std::vector<std::size_t>& Hyphenator::points(std::string_view word, const std::string& lang) {
  static const std::vector<std::size_t> none;
  std::string key = lang;
  key += '\0';
  key += word;
  const Dictionary* dict = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    dict = dictionary(lang);
    if (!dict) return none;
    auto known = cache_.find(key);
    if (known != cache_.end()) return known->second;
  }
  // Found without the lock, so that threads hyphenate their new words at once. Two threads may find
  // the same word's points; the first to keep them wins, and both found the same.
  std::vector<std::size_t> found = dict->hyphenate(word);
  std::lock_guard<std::mutex> lock(mutex_);
  return cache_.try_emplace(std::move(key), std::move(found)).first->second;
}

std::vector<std::size_t> Hyphenator::Dictionary::hyphenate(std::string_view word) const {
  std::vector<std::size_t> result;
  // The word without the punctuation around it.
  std::size_t begin = 0, end = 0;
  for (std::size_t i = 0; i < word.size();) {
    char32_t c = next_char(word, i);
    if (!u_ispunct(static_cast<UChar32>(c))) {
      end = i;
    } else if (end == 0) {
      begin = i;
    }
  }
  if (end <= begin) return result;
  std::string_view core = word.substr(begin, end - begin);
  if (plain_ascii && std::all_of(core.begin(), core.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return hyphenate_ascii(core, begin);
  }

  // Only letters, marks and apostrophes, not all capitals; where its characters (not marks) start.
  std::vector<std::size_t> starts;
  bool upper = false, lower_case = false;
  for (std::size_t i = 0; i < core.size();) {
    std::size_t start = i;
    char32_t c = next_char(core, i);
    auto code = static_cast<UChar32>(c);
    if (!u_isalpha(code) && !is_mark(c) && !is_apostrophe(c)) return result;
    upper = upper || u_isUUppercase(code);
    lower_case = lower_case || u_isULowercase(code);
    if (!is_mark(c)) starts.push_back(start);
  }
  if (starts.size() < kLeftMin + kRightMin || (upper && !lower_case)) return result;
  starts.push_back(core.size());

  std::string lower;
  icu::StringByteSink<std::string> sink(&lower);
  icu::Edits edits;
  UErrorCode status = U_ZERO_ERROR;
  icu::CaseMap::utf8ToLower(locale.c_str(), 0, core, sink, &edits, status);
  std::string input;  // NUL-terminated: libhyphen reads up to the NUL whatever size it is given
  std::vector<std::size_t> lower_starts;
  if (U_FAILURE(status) || !encode(lower, input, lower_starts)) return result;

  // An odd hyphens[k] allows a hyphen after character k (libhyphen counts UTF-8 in characters); its
  // offset in `lower` maps back to one in the word as given.
  with_marks(input, [&](const char* hyphens, char** replaced) {
    icu::Edits::Iterator map = edits.getFineIterator();
    for (std::size_t k = 0; k + 2 < lower_starts.size(); ++k) {
      if (!(hyphens[k] & 1) || (replaced && replaced[k])) continue;
      auto offset = static_cast<std::size_t>(
          map.sourceIndexFromDestinationIndex(static_cast<int32_t>(lower_starts[k + 1]), status));
      auto at = std::lower_bound(starts.begin(), starts.end(), offset);
      if (U_FAILURE(status) || at == starts.end() || *at != offset) continue;
      auto index = static_cast<std::size_t>(at - starts.begin());
      if (index < kLeftMin || index + kRightMin + 1 > starts.size()) continue;
      if (result.empty() || result.back() < begin + offset) result.push_back(begin + offset);
    }
  });
  return result;
}

std::vector<std::size_t> Hyphenator::Dictionary::hyphenate_ascii(std::string_view core, std::size_t begin) const {
  std::vector<std::size_t> result;
  std::string input(core);
  bool upper = false, lower_case = false;
  for (char& c : input) {
    if (c >= 'A' && c <= 'Z') {
      upper = true;
      c = static_cast<char>(c - 'A' + 'a');
    } else if (c >= 'a' && c <= 'z') {
      lower_case = true;
    } else if (c != '\'') {
      return result;
    }
  }
  if (input.size() < kLeftMin + kRightMin || (upper && !lower_case)) return result;
  // A hyphen after character k goes before byte k + 1, kLeftMin characters from the start and
  // kRightMin from the end at least.
  with_marks(input, [&](const char* hyphens, char** replaced) {
    for (std::size_t k = 0; k + 1 < input.size(); ++k) {
      if (!(hyphens[k] & 1) || (replaced && replaced[k])) continue;
      if (k + 1 < kLeftMin || k + 1 + kRightMin > input.size()) continue;
      result.push_back(begin + k + 1);
    }
  });
  return result;
}

std::vector<std::string> Hyphenator::files() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return files_;
}

}  // namespace recto::text
