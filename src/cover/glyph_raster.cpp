// FreeType: the shaper's font files opened once per drawing, glyphs rendered to 8-bit coverage.
#include "glyph_raster.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>

namespace recto::cover {

namespace {

struct LibraryDeleter {
  void operator()(FT_Library library) const { FT_Done_FreeType(library); }
};
struct FaceDeleter {
  void operator()(FT_Face face) const { FT_Done_Face(face); }
};
using Library = std::unique_ptr<FT_LibraryRec_, LibraryDeleter>;
using Face = std::unique_ptr<FT_FaceRec_, FaceDeleter>;

// The outline as drawn, unhinted (the shaper's advances are unhinted too), rendered anti-aliased.
constexpr FT_Int32 kRenderOutline = FT_LOAD_RENDER | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP;

// A face opened with FreeType and the pixel size it is set to (0: none yet).
struct SizedFace {
  Face face;
  int size = 0;
};

// The FreeType face of a font at a pixel size; nullptr when FreeType cannot open the font.
FT_Face sized_face(FT_Library library, const text::FontFace& font, int size,
                   std::map<const text::FontFace*, SizedFace>& opened) {
  auto it = opened.find(&font);
  if (it == opened.end()) {
    FT_Face face = nullptr;
    if (FT_New_Face(library, font.path.c_str(), static_cast<FT_Long>(font.index), &face) != 0) {
      face = nullptr;
    }
    it = opened.emplace(&font, SizedFace{Face(face), 0}).first;
  }
  SizedFace& sized = it->second;
  if (!sized.face) return nullptr;
  if (sized.size != size) {
    if (FT_Set_Pixel_Sizes(sized.face.get(), 0, static_cast<FT_UInt>(size)) != 0) return nullptr;
    sized.size = size;
  }
  return sized.face.get();
}

// Ink laid over ink: the coverage of either ("over" compositing); over bare ground, the ink itself.
std::uint8_t over(unsigned ink, unsigned under) {
  return static_cast<std::uint8_t>(under + (ink * (255 - under) + 127) / 255);
}

// Lays a rendered glyph's coverage over the image with its top left pixel at (left, top): ink over
// ink composites as "over" does.
void lay(const FT_Bitmap& bitmap, int left, int top, Coverage& image) {
  const int first = std::max(0, -left), end = std::min(static_cast<int>(bitmap.width), image.width - left);
  if (end <= first) return;  // wholly left or right of the image
  for (int row = 0; row < static_cast<int>(bitmap.rows); ++row) {
    int y = top + row;
    if (y < 0 || y >= static_cast<int>(image.rows.size())) continue;
    const unsigned char* source = bitmap.buffer + static_cast<std::ptrdiff_t>(row) * bitmap.pitch;
    std::vector<std::uint8_t>& inked = image.rows[static_cast<std::size_t>(y)];
    if (inked.empty()) inked.resize(static_cast<std::size_t>(image.width));
    std::uint8_t* target = inked.data() + (left + first);
    source += first;
    const int count = end - first;
    // Most of a glyph's box lies on bare ground, where "over" gives the glyph's own ink: eight
    // pixels at a time are copied where all eight are bare.
    int k = 0;
    for (; k + 8 <= count; k += 8) {
      std::uint64_t under8;
      std::memcpy(&under8, target + k, sizeof under8);
      if (under8 == 0) {
        std::memcpy(target + k, source + k, 8);
        continue;
      }
      for (int j = k; j < k + 8; ++j) target[j] = over(source[j], target[j]);
    }
    for (; k < count; ++k) target[k] = over(source[k], target[k]);
  }
}

}  // namespace

void draw_glyphs(const std::vector<PlacedGlyph>& glyphs, Coverage& image) {
  FT_Library raw = nullptr;
  if (FT_Init_FreeType(&raw) != 0) throw std::runtime_error("freetype: cannot start");
  Library library(raw);
  std::map<const text::FontFace*, SizedFace> opened;
  for (const PlacedGlyph& glyph : glyphs) {
    FT_Face face = sized_face(library.get(), *glyph.face, glyph.size, opened);
    if (!face) continue;
    // The fraction of a pixel goes into the outline; FreeType's y grows upwards.
    FT_Vector shift{static_cast<FT_Pos>(glyph.x & 63), -static_cast<FT_Pos>(glyph.y & 63)};
    FT_Set_Transform(face, nullptr, &shift);
    if (FT_Load_Glyph(face, glyph.id, kRenderOutline) != 0 ||
        face->glyph->bitmap.pixel_mode != FT_PIXEL_MODE_GRAY) {
      continue;
    }
    lay(face->glyph->bitmap, static_cast<int>(glyph.x >> 6) + face->glyph->bitmap_left,
        static_cast<int>(glyph.y >> 6) - face->glyph->bitmap_top, image);
  }
}

}  // namespace recto::cover
