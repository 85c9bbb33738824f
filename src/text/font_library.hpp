// Fonts by family name, found with fontconfig (or in the font memo), opened once; fallback faces for
// missing characters.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "font_face.hpp"

typedef struct _FcFontSet FcFontSet;  // fontconfig's

namespace recto::text {

struct FontRequest {
  std::string family;  // as fontconfig knows it: "EB Garamond 12", "Noto Serif", "DejaVu Sans Mono"
  bool bold = false, italic = false;
};

// fontconfig's configuration is loaded when the library is made, unless the process's font memo
// (font_memo.hpp) holds answers; then only when a question is not among them.
class FontLibrary {
 public:
  FontLibrary();
  ~FontLibrary();
  FontLibrary(const FontLibrary&) = delete;
  FontLibrary& operator=(const FontLibrary&) = delete;

  // The face of the family in the style; nullptr when the family is not installed (a substitute
  // that fontconfig offers for another family does not count). A missing bold or italic face of an
  // installed family gives the family's nearest face.
  const FontFace* find(const FontRequest& request);

  // A face that has the character, preferring the style and the language ("zh", "ar", …); nullptr
  // when no installed font has it. The answer depends on nothing asked before. Safe to call from
  // several threads, as find is.
  const FontFace* fallback(char32_t c, bool bold, bool italic, const std::string& lang);

  // The face `index` of a font file, opened if it was not; nullptr when it is not a font.
  const FontFace* opened(const std::string& path, unsigned index);
  // The face `index` of a font file if it is open already (found for a theme, or opened); else null.
  const FontFace* open_already(const std::string& path, unsigned index) const;

  // Every font file opened so far, sorted (for depfiles).
  std::vector<std::string> files() const;

 private:
  // Loads fontconfig's configuration, once for every library alive.
  void use_fontconfig();
  const FontFace* open(const std::string& path, unsigned index);
  // The memo's answer to the question, opened; false when the memo has none.
  bool remembered(const std::string& question, const FontFace*& face);
  void remember(const std::string& question, const FontFace* face);
  // The first font of the set, in its order, whose character set has `c` and whose face opens with
  // it; with `first_only`, that font must be the first whose character set has `c`.
  const FontFace* first_with_char(const FcFontSet* fonts, char32_t c, bool first_only);
  std::map<std::pair<std::string, unsigned>, std::unique_ptr<FontFace>> faces_;
  std::vector<std::string> files_;
  bool uses_fontconfig_ = false;
  mutable std::mutex mutex_;  // chapters are shaped on several threads
  // Keyed by style and family; by style, character and language.
  std::map<std::string, const FontFace*> found_, fallbacks_;
};

// The Debian package that ships a family, named in the error for a missing family; "" when unknown.
std::string debian_package_for(const std::string& family);

}  // namespace recto::text
