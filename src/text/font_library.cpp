// Finding fonts with fontconfig: a family's faces by style, fallback faces for single characters.
#include "font_library.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <tuple>

#include "font_memo.hpp"

namespace recto::text {

namespace {

struct PatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
struct FontSetDeleter {
  void operator()(FcFontSet* s) const { FcFontSetDestroy(s); }
};
struct CharSetDeleter {
  void operator()(FcCharSet* s) const { FcCharSetDestroy(s); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;

const FcChar8* fc_string(const std::string& s) {
  return reinterpret_cast<const FcChar8*>(s.c_str());
}

// A pattern asking for the style, completed with the configuration's rules and defaults.
Pattern styled_pattern(Pattern pattern, bool bold, bool italic) {
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  return pattern;
}

// Whether one of the font's family names is the family asked for, ignoring case.
bool has_family(FcPattern* font, const std::string& family) {
  FcChar8* name = nullptr;
  for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &name) == FcResultMatch; ++i) {
    if (FcStrCmpIgnoreCase(name, fc_string(family)) == 0) return true;
  }
  return false;
}

// The installed faces of the family, in fontconfig's order: matching the style among them alone
// chooses what matching among every font would, when that is of the family, at a fraction of the
// cost (a machine with TeX has thousands of fonts).
std::unique_ptr<FcFontSet, FontSetDeleter> family_faces(const std::string& family) {
  std::unique_ptr<FcFontSet, FontSetDeleter> faces(FcFontSetCreate());
  for (FcSetName which : {FcSetSystem, FcSetApplication}) {
    FcFontSet* all = FcConfigGetFonts(nullptr, which);
    for (int i = 0; all && i < all->nfont; ++i) {
      if (!has_family(all->fonts[i], family)) continue;
      FcPatternReference(all->fonts[i]);
      FcFontSetAdd(faces.get(), all->fonts[i]);
    }
  }
  return faces;
}

std::string style_key(bool bold, bool italic, const std::string& rest) {
  return std::string(1, bold ? 'b' : '-') + (italic ? 'i' : '-') + rest;
}

// fontconfig's configuration is global: loaded by the first library that needs it, freed with the
// last, or at a quick exit (std::quick_exit) while libraries hold it, as memory checkers cannot follow
// fontconfig's internal references and call it lost. The font memo is saved then.
std::mutex fontconfig_users_mutex;
int fontconfig_users = 0;

void save_memo_and_free_fontconfig() {
  if (FontMemo* memo = process_font_memo()) memo->save();
  FcFini();
}

void free_at_quick_exit() {
  if (fontconfig_users > 0) save_memo_and_free_fontconfig();
}

// Whether the memo's answers hold, as read when the process first needed fonts.
bool memo_holds() {
  static const bool holds = process_font_memo() && process_font_memo()->load();
  return holds;
}

std::vector<std::string> strings_of(FcStrList* list) {
  std::vector<std::string> strings;
  while (FcChar8* s = FcStrListNext(list)) strings.emplace_back(reinterpret_cast<const char*>(s));
  FcStrListDone(list);
  return strings;
}

// What fontconfig's answers come from: the configuration files it read and their folders, the files
// a user may add to it, and the font folders.
std::vector<std::string> configuration_paths() {
  std::vector<std::string> paths = strings_of(FcConfigGetConfigFiles(nullptr));
  for (std::size_t i = 0, files = paths.size(); i < files; ++i) {
    paths.push_back(std::filesystem::path(paths[i]).parent_path().string());
  }
  for (std::string& dir : strings_of(FcConfigGetConfigDirs(nullptr))) paths.push_back(std::move(dir));
  for (std::string& dir : strings_of(FcConfigGetFontDirs(nullptr))) paths.push_back(std::move(dir));
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  std::string config_home = xdg && *xdg ? xdg : home ? std::string(home) + "/.config" : "";
  if (!config_home.empty()) {
    for (const char* name : {"/fontconfig", "/fontconfig/fonts.conf", "/fontconfig/conf.d"}) {
      paths.push_back(config_home + name);
    }
  }
  if (home) {
    for (const char* name : {"/.fonts.conf", "/.fonts.conf.d"}) paths.push_back(std::string(home) + name);
  }
  return paths;
}

}  // namespace

FontLibrary::FontLibrary() {
  static const bool registered = std::at_quick_exit(free_at_quick_exit) == 0;
  (void)registered;
  if (!memo_holds()) use_fontconfig();
}

FontLibrary::~FontLibrary() {
  if (!uses_fontconfig_) return;
  std::lock_guard<std::mutex> lock(fontconfig_users_mutex);
  if (--fontconfig_users == 0) save_memo_and_free_fontconfig();
}

void FontLibrary::use_fontconfig() {
  if (uses_fontconfig_) return;
  std::lock_guard<std::mutex> lock(fontconfig_users_mutex);
  if (fontconfig_users++ == 0) {
    FcInit();
    if (FontMemo* memo = process_font_memo()) memo->watch_configuration(configuration_paths());
  }
  uses_fontconfig_ = true;
}

bool FontLibrary::remembered(const std::string& question, const FontFace*& face) {
  FontMemo* memo = process_font_memo();
  std::optional<FontAnswer> answer = memo ? memo->answer(question) : std::nullopt;
  if (!answer) return false;
  face = answer->path.empty() ? nullptr : open(answer->path, answer->index);
  return true;
}

void FontLibrary::remember(const std::string& question, const FontFace* face) {
  if (FontMemo* memo = process_font_memo()) memo->record(question, face ? FontAnswer{face->path, face->index} : FontAnswer{});
}

const FontFace* FontLibrary::open(const std::string& path, unsigned index) {
  auto key = std::make_pair(path, index);
  auto it = faces_.find(key);
  if (it != faces_.end()) return it->second.get();
  std::unique_ptr<FontFace> face = FontFace::open(path, index);
  if (face) files_.push_back(path);
  return (faces_[key] = std::move(face)).get();
}

const FontFace* FontLibrary::opened(const std::string& path, unsigned index) {
  std::lock_guard<std::mutex> lock(mutex_);
  return open(path, index);
}

const FontFace* FontLibrary::open_already(const std::string& path, unsigned index) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = faces_.find(std::make_pair(path, index));
  return it == faces_.end() ? nullptr : it->second.get();
}

const FontFace* FontLibrary::find(const FontRequest& request) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string key = style_key(request.bold, request.italic, request.family);
  auto it = found_.find(key);
  if (it != found_.end()) return it->second;
  const std::string question = "family " + key;
  const FontFace* face = nullptr;
  if (remembered(question, face)) return found_[key] = face;

  use_fontconfig();
  Pattern asked(FcPatternCreate());
  FcPatternAddString(asked.get(), FC_FAMILY, fc_string(request.family));
  asked = styled_pattern(std::move(asked), request.bold, request.italic);
  // The default language ("en" from the locale) outranks weight and slant in fontconfig's scoring,
  // and EB Garamond 12 Bold covers too little of Latin for fontconfig's "en": a family lookup is
  // about the style, so it does not ask for a language.
  FcPatternDel(asked.get(), FC_LANG);
  std::unique_ptr<FcFontSet, FontSetDeleter> faces = family_faces(request.family);
  FcFontSet* sets[] = {faces.get()};
  FcResult result = FcResultNoMatch;
  Pattern match(faces->nfont > 0 ? FcFontSetMatch(nullptr, sets, 1, asked.get(), &result) : nullptr);

  FcChar8* file = nullptr;
  int index = 0;
  if (match && FcPatternGetString(match.get(), FC_FILE, 0, &file) == FcResultMatch) {
    FcPatternGetInteger(match.get(), FC_INDEX, 0, &index);
    face = open(reinterpret_cast<const char*>(file), static_cast<unsigned>(index));
  }
  remember(question, face);
  return found_[key] = face;
}

const FontFace* FontLibrary::fallback(char32_t c, bool bold, bool italic, const std::string& lang) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string char_key = style_key(bold, italic, std::to_string(c) + ' ' + lang);
  auto known = fallbacks_.find(char_key);
  if (known != fallbacks_.end()) return known->second;
  const std::string question = "char " + char_key;
  const FontFace* face = nullptr;
  if (remembered(question, face)) return fallbacks_[char_key] = face;

  use_fontconfig();
  std::unique_ptr<FcCharSet, CharSetDeleter> chars(FcCharSetCreate());
  FcCharSetAddChar(chars.get(), c);
  Pattern asked(FcPatternCreate());
  FcPatternAddCharSet(asked.get(), FC_CHARSET, chars.get());
  if (!lang.empty()) FcPatternAddString(asked.get(), FC_LANG, fc_string(lang));
  asked = styled_pattern(std::move(asked), bold, italic);
  // The face is the first in fontconfig's trimmed order (each font that adds no character to those
  // before it dropped) that has the character. Trimming merges every font's character set, a third
  // of the sort, and never drops the first font that has the character: that one is tried in the
  // untrimmed order, and the trimmed order is made only when it fails.
  FcResult result = FcResultNoMatch;
  std::unique_ptr<FcFontSet, FontSetDeleter> untrimmed(FcFontSort(nullptr, asked.get(), FcFalse, nullptr, &result));
  face = first_with_char(untrimmed.get(), c, true);
  if (!face) {
    std::unique_ptr<FcFontSet, FontSetDeleter> trimmed(FcFontSort(nullptr, asked.get(), FcTrue, nullptr, &result));
    face = first_with_char(trimmed.get(), c, false);
  }
  remember(question, face);
  return fallbacks_[char_key] = face;
}

const FontFace* FontLibrary::first_with_char(const FcFontSet* fonts, char32_t c, bool first_only) {
  for (int i = 0; fonts && i < fonts->nfont; ++i) {
    FcPattern* font = fonts->fonts[i];
    FcCharSet* coverage = nullptr;
    if (FcPatternGetCharSet(font, FC_CHARSET, 0, &coverage) != FcResultMatch || !FcCharSetHasChar(coverage, c)) {
      continue;
    }
    FcChar8* file = nullptr;
    int index = 0;
    if (FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch) {
      FcPatternGetInteger(font, FC_INDEX, 0, &index);
      const FontFace* candidate = open(reinterpret_cast<const char*>(file), static_cast<unsigned>(index));
      if (candidate && candidate->has_char(c)) return candidate;
    }
    if (first_only) return nullptr;
  }
  return nullptr;
}

std::vector<std::string> FontLibrary::files() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> sorted = files_;  // threads open fallback faces in no set order
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

std::string debian_package_for(const std::string& family) {
  // clang-format off
  static const std::pair<const char*, const char*> packages[] = {
      {"EB Garamond", "fonts-ebgaramond"},
      {"EB Garamond 08", "fonts-ebgaramond"},
      {"EB Garamond 12", "fonts-ebgaramond"},
      {"Noto Serif", "fonts-noto-core"},
      {"Noto Sans", "fonts-noto-core"},
      {"Noto Sans Mono", "fonts-noto-mono"},
      {"Noto Serif CJK SC", "fonts-noto-cjk"},
      {"Noto Sans CJK SC", "fonts-noto-cjk"},
      {"DejaVu Serif", "fonts-dejavu-core"},
      {"DejaVu Sans", "fonts-dejavu-core"},
      {"DejaVu Sans Mono", "fonts-dejavu-core"},
      {"Droid Sans Fallback", "fonts-droid-fallback"},
      {"Liberation Serif", "fonts-liberation2"},
      {"Liberation Sans", "fonts-liberation2"},
      {"Liberation Mono", "fonts-liberation2"},
  };
  // clang-format on
  for (const auto& [name, package] : packages) {
    if (FcStrCmpIgnoreCase(fc_string(family), reinterpret_cast<const FcChar8*>(name)) == 0) {
      return package;
    }
  }
  return "";
}

}  // namespace recto::text
