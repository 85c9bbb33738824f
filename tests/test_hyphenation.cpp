// Hyphenation points from libhyphen's patterns (hyph_en_US.dic), ICU's line break opportunities and its
// sentence boundaries.
#include <hyphen.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "break_iterators.hpp"
#include "compiled_patterns.hpp"
#include "hyphenator.hpp"
#include "line_breaks.hpp"
#include "sentence_breaks.hpp"

using namespace recto::text;
using Offsets = std::vector<std::size_t>;

namespace {

// The word with a hyphen at each point.
std::string hyphenated(const std::string& word, const Offsets& points) {
  std::string out;
  std::size_t last = 0;
  for (std::size_t point : points) {
    out += word.substr(last, point - last) + "-";
    last = point;
  }
  return out + word.substr(last);
}

std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (char byte : text) count += (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
  return count;
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// libhyphen's hyphen marks for a lower-cased word, with what it reports of replacements.
std::string hyphen_marks(HyphenDict* dict, const std::string& word) {
  std::vector<char> hyphens(word.size() + 5);
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  hnj_hyphen_hyphenate3(dict, word.c_str(), static_cast<int>(word.size()), hyphens.data(), nullptr, &rep, &pos, &cut,
                        2, 3, 0, 0);
  std::string marks(hyphens.data(), word.size());
  if (rep) {
    marks += " rep";
    for (std::size_t i = 0; i < word.size(); ++i) std::free(rep[i]);
  }
  std::free(rep);
  std::free(pos);
  std::free(cut);
  return marks;
}

}  // namespace

TEST_CASE("the English patterns compiled into recto hyphenate as libhyphen's loading of the file does", "[hyphenation]") {
  const std::string path = "/usr/share/hyphen/hyph_en_US.dic";
  const std::string file = file_bytes(path);
  REQUIRE(!file.empty());
  std::shared_ptr<HyphenDict> compiled = compiled_patterns(file);
  REQUIRE(compiled);  // the build compiles it in (RECTO_COMPILED_PATTERNS)
  std::unique_ptr<HyphenDict, void (*)(HyphenDict*)> loaded(hnj_hyphen_load(path.c_str()), hnj_hyphen_free);
  REQUIRE(loaded);

  // Every word of the essay and the corpus, lower-cased, and compounds with hyphens and apostrophes,
  // which libhyphen's first level handles.
  std::set<std::string> words = {"well-being", "e-mail's", "mother-in-law", "rock’n’roll", "counter-intelligence"};
  std::vector<std::filesystem::path> manuscripts = {"source/wechat-is-watching.md"};
  for (const auto& entry : std::filesystem::recursive_directory_iterator("tests/corpus")) {
    if (entry.path().extension() == ".md") manuscripts.push_back(entry.path());
  }
  for (const std::filesystem::path& manuscript : manuscripts) {
    std::string word;
    for (char c : file_bytes(manuscript) + " ") {
      const auto byte = static_cast<unsigned char>(c);
      if (std::isalpha(byte) || byte >= 0x80 || c == '\'') {
        word += static_cast<char>(std::tolower(byte));
      } else if (!word.empty()) {
        words.insert(word);
        word.clear();
      }
    }
  }
  CHECK(words.size() > 1500);
  std::size_t differ = 0;
  for (const std::string& word : words) {
    if (hyphen_marks(compiled.get(), word) != hyphen_marks(loaded.get(), word)) {
      UNSCOPED_INFO(word);
      ++differ;
    }
  }
  CHECK(differ == 0);

  // A file that differs from the compiled one by a byte is loaded as usual.
  std::string changed = file;
  changed[changed.size() / 2] ^= 1;
  CHECK(!compiled_patterns(changed));
  CHECK(!compiled_patterns(""));
}

TEST_CASE("English words hyphenate at the points of hyph_en_US.dic", "[hyphenation]") {
  Hyphenator hyphenator;
  CHECK(hyphenator.points("hyphenation", "en") == Offsets{2, 6});
  CHECK(hyphenated("hyphenation", hyphenator.points("hyphenation", "en")) == "hy-phen-ation");
  CHECK(hyphenator.points("typesetting", "en") == Offsets{4, 7});
  CHECK(hyphenator.points("Typesetting", "en") == Offsets{4, 7});
  CHECK(hyphenator.points("cooperation", "en") == Offsets{2, 4, 6, 7});
  CHECK(hyphenator.files() == std::vector<std::string>{"/usr/share/hyphen/hyph_en_US.dic"});
}

TEST_CASE("A word of ASCII letters hyphenates as it does with a non-ASCII apostrophe", "[hyphenation]") {
  // Words of ASCII letters and apostrophes skip ICU's lower-casing; the curly apostrophe takes it.
  Hyphenator hyphenator;
  for (const char* word : {"government", "Government", "establishment", "Hyphenation", "Communications"}) {
    const std::string straight = std::string(word) + "'s", curly = std::string(word) + "\u2019s";
    const Offsets& points = hyphenator.points(straight, "en");
    CHECK(!points.empty());
    CHECK(points == hyphenator.points(curly, "en"));
    CHECK(points == hyphenator.points(word, "en"));
  }
}

TEST_CASE("Points keep 2 characters before them and 3 after", "[hyphenation]") {
  Hyphenator hyphenator;
  CHECK(hyphenator.points("agree", "en").empty());
  CHECK(hyphenator.points("into", "en").empty());
  for (std::string word : {"pneumonoultramicroscopicsilicovolcanoconiosis", "abandonment",
                           "especially", "ideology", "typography", "unusually"}) {
    INFO(word << " -> " << hyphenated(word, hyphenator.points(word, "en")));
    CHECK(!hyphenator.points(word, "en").empty());
    for (std::size_t point : hyphenator.points(word, "en")) {
      CHECK(characters(word.substr(0, point)) >= 2);
      CHECK(characters(word.substr(point)) >= 3);
    }
  }
}

TEST_CASE("Punctuation around a word is left out and the points shifted", "[hyphenation]") {
  Hyphenator hyphenator;
  CHECK(hyphenator.points("\u201cHyphenation,\u201d", "en") == Offsets{5, 9});
  CHECK(hyphenator.points("(typesetting).", "en") == Offsets{5, 8});
  CHECK(hyphenator.points("\u201c,.\u201d", "en").empty());
}

TEST_CASE("Digits, acronyms, hyphens, slashes and addresses give no points", "[hyphenation]") {
  Hyphenator hyphenator;
  for (const char* word : {"hyphenation2", "1234567", "HYPHENATION", "UNESCO", "well-hyphenated",
                           "hyphen\u00ADation", "hyphenation/typesetting", "someone@example"}) {
    INFO(word);
    CHECK(hyphenator.points(word, "en").empty());
  }
}

TEST_CASE("Languages find their patterns or have none", "[hyphenation]") {
  Hyphenator hyphenator;
  CHECK(hyphenator.points("hyphenation", "en-GB") == Offsets{2, 6});  // en_US: no en_GB installed
  CHECK(hyphenator.points("hyphenation", "en-US") == Offsets{2, 6});
  CHECK(hyphenator.points("hyphenation", "xx").empty());
  CHECK(hyphenator.points("hyphenation", "").empty());
  // One file, opened once, for every English.
  CHECK(hyphenator.files() == std::vector<std::string>{"/usr/share/hyphen/hyph_en_US.dic"});
  CHECK(Hyphenator().files().empty());
}

TEST_CASE("Words outside the patterns' alphabet are harmless", "[hyphenation]") {
  Hyphenator hyphenator;
  CHECK(hyphenator.points("\u03c5\u03c0\u03b5\u03c1\u03b2\u03bf\u03bb\u03ae", "en").empty());
  CHECK(hyphenator.points("\u03a5\u03a0\u0395\u03a1\u0392\u039f\u039b\u0397", "en").empty());
  CHECK(hyphenator.points("\xff\xfehyphenation", "en").empty());  // not UTF-8
}

TEST_CASE("Points in words with accents fall between characters", "[hyphenation]") {
  Hyphenator hyphenator;
  const std::string cooperation = "co\u00f6peration";
  CHECK(hyphenator.points(cooperation, "en") == Offsets{7, 8});  // "coöper-a-tion"
  CHECK(hyphenator.points("na\u00efve", "en").empty());
  // Lower-casing İ gives i + U+0307, a byte longer: the points are offsets in the word as given.
  CHECK(hyphenator.points("\u0130stanbul", "en") == Offsets{3, 6});  // "İs-tan-bul"
  for (std::size_t point : hyphenator.points(cooperation, "en")) {
    CHECK((static_cast<unsigned char>(cooperation[point]) & 0xC0) != 0x80);
  }
}

TEST_CASE("Hyphenations are cached per language and word", "[hyphenation]") {
  Hyphenator hyphenator;
  const Offsets& first = hyphenator.points("hyphenation", "en");
  CHECK(&hyphenator.points("hyphenation", "en") == &first);
  CHECK(&hyphenator.points("Hyphenation", "en") != &first);
}

TEST_CASE("Chinese breaks between ideographs, not before a full stop or after an opening quote",
          "[hyphenation][line-breaks]") {
  // 他说“隐私是一个问题。”: three bytes a character.
  const Offsets breaks = break_opportunities("他说\u201c隐私是一个问题。\u201d", "zh");
  CHECK(breaks == Offsets{3, 6, 12, 15, 18, 21, 24, 27});
  CHECK(std::find(breaks.begin(), breaks.end(), 9) == breaks.end());   // after “
  CHECK(std::find(breaks.begin(), breaks.end(), 30) == breaks.end());  // before 。
}

TEST_CASE("URLs break after slashes, words after em dashes, a plain word nowhere",
          "[hyphenation][line-breaks]") {
  CHECK(break_opportunities("https://example.org/path/to/page", "en") == Offsets{8, 20, 25, 28});
  CHECK(break_opportunities("word\u2014word", "en") == Offsets{4, 7});
  CHECK(break_opportunities("word", "en").empty());
  CHECK(break_opportunities("", "en").empty());
}

TEST_CASE("Words that no rule breaks inside give what ICU's iterator gives, without it",
          "[hyphenation][line-breaks]") {
  // Letters, digits, marks, quotes and infix punctuation, mixed with characters that do break.
  const std::vector<std::string> pool = {"a", "Z", "\u00e9", "\u00df", "7", "'", "\u2019", "\u201c", "\u201d", "\"",
                                         ".", ",", "\u0301", "\u05d0", "-", "/", "\u2014", "!", "?", "(", ")",
                                         "\u4e2d", "%", "\u00ad", ":", ";"};
  std::mt19937 random(7);
  for (int n = 0; n < 20000; ++n) {
    std::string word;
    const int length = 1 + static_cast<int>(random() % 7);
    // Half the words only from the unbreakable classes (the first 14), half from all.
    const std::size_t from = n % 2 == 0 ? 14 : pool.size();
    for (int i = 0; i < length; ++i) word += pool[random() % from];
    for (const char* lang : {"en", "fr", "he"}) {
      INFO(word << " in " << lang);
      CHECK(break_opportunities(word, lang) == recto::text::icu_boundaries(word, lang, recto::text::BreakKind::line));
    }
  }
}

TEST_CASE("Sentences end where ICU's sentence iterator ends them, not after a title like Mr.",
          "[line-breaks][sentences]") {
  using recto::text::sentence_boundaries;
  CHECK(sentence_boundaries("One. Two? Three!", "en") == Offsets{5, 10});
  CHECK(sentence_boundaries("Mr. Smith came. He left.", "en") == Offsets{16});
  CHECK(sentence_boundaries("He said \u201cNo.\u201d Then he left.", "en") == Offsets{18});
  CHECK(sentence_boundaries("他来了。她走了。", "zh") == Offsets{12});
  CHECK(sentence_boundaries("One sentence", "en").empty());
  CHECK(sentence_boundaries("", "en").empty());
}
