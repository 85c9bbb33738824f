// The cover memo's entries: named by a hash of everything the pixels depend on, checked to be whole
// PNGs when read, written atomically, the oldest removed.
#include "cover_memo.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <png.h>
#include <zlib.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>

#include "cache_folder.hpp"
#include "output_file.hpp"

namespace recto::cover {

namespace {

constexpr const char* kFormat = "recto cover memo 1";
constexpr std::string_view kSignature = "\x89PNG\r\n\x1a\n";
constexpr std::string_view kEnd{"\0\0\0\0IEND\xae\x42\x60\x82", 12};  // the IEND chunk

std::string key_of(const std::vector<PlacedGlyph>& glyphs) {
  std::string key = std::string(kFormat) + "\nexe " + executable_identity() + "\n";
  const char* properties = std::getenv("FREETYPE_PROPERTIES");  // may change how FreeType renders
  key += std::string("FREETYPE_PROPERTIES=") + (properties ? properties : "") + "\n";
  for (const void* function : {reinterpret_cast<const void*>(&FT_Init_FreeType),
                               reinterpret_cast<const void*>(&deflate),
                               reinterpret_cast<const void*>(&png_create_write_struct)}) {
    key += "library " + library_identity(function) + "\n";
  }
  std::map<const text::FontFace*, std::size_t> faces;
  for (const PlacedGlyph& g : glyphs) {
    auto [at, added] = faces.try_emplace(g.face, faces.size());
    if (added) {
      key += "face " + std::to_string(at->second) + " " + g.face->path + " " + std::to_string(g.face->index) +
             " " + path_state(g.face->path) + "\n";
    }
    key += std::to_string(at->second) + " " + std::to_string(g.id) + " " + std::to_string(g.size) + " " +
           std::to_string(g.x) + " " + std::to_string(g.y) + "\n";
  }
  return key;
}

bool whole_png(const std::string& bytes) {
  return bytes.size() > kSignature.size() + kEnd.size() && bytes.compare(0, kSignature.size(), kSignature) == 0 &&
         bytes.compare(bytes.size() - kEnd.size(), kEnd.size(), kEnd) == 0;
}

}  // namespace

CoverMemo::CoverMemo(const std::vector<PlacedGlyph>& glyphs) {
  if (std::optional<std::filesystem::path> folder = cache_folder()) {
    file_ = *folder / "covers" / (hex_hash(key_of(glyphs)) + ".png");
  }
}

std::optional<std::string> CoverMemo::load() const {
  if (!file_) return std::nullopt;
  std::ifstream in(*file_, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!whole_png(bytes)) return std::nullopt;
  return bytes;
}

void CoverMemo::save(const std::string& png) const {
  if (!file_) return;
  std::error_code ec;
  std::filesystem::create_directories(file_->parent_path(), ec);
  if (ec || !write_file_atomically(*file_, png).empty()) return;
  keep_newest(file_->parent_path(), ".png", kKept);
}

}  // namespace recto::cover
