// Generated covers kept between runs in recto's cache folder, by what their pixels depend on: the
// glyphs as placed, the font files they come from as they are on disk, the executable that draws
// them and the libraries that rasterize and compress (FreeType, zlib, libpng). Drawing is most of
// a cover's time, a fifth of a short book's build, and a book's cover is drawn again at every build.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "glyph_raster.hpp"

namespace recto::cover {

class CoverMemo {
 public:
  // The entry for a cover of these glyphs; none when there is no cache folder.
  explicit CoverMemo(const std::vector<PlacedGlyph>& glyphs);

  // The PNG kept for the entry; nullopt when there is none, or only part of one.
  std::optional<std::string> load() const;
  // Keeps the PNG for the entry, and the newest kKept covers only; a cache that cannot be written
  // costs the next build its time only.
  void save(const std::string& png) const;

  static constexpr std::size_t kKept = 16;

 private:
  std::optional<std::filesystem::path> file_;
};

}  // namespace recto::cover
