// Font subsets kept between runs in recto's cache folder, by what they depend on: the face's file
// as it is on disk, the glyphs asked for, the executable and the HarfBuzz libraries. hb-subset reads
// a face's whole glyph table however few glyphs it keeps, and compressing the subset follows: a
// third of a short book's PDF, and a book built again shows the same glyphs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "font_face.hpp"

namespace recto::pdf {

// A face's subset as the PDF embeds it.
struct EmbeddedSubset {
  std::string program;              // the subset's font program (font_subset.hpp), zlib-deflated
  std::size_t program_length = 0;   // its length before deflating
  std::vector<std::uint32_t> old_glyph;  // the subset's id → the face's id, for each of its glyphs
};

class SubsetMemo {
 public:
  // The entry for the face's subset to these glyphs; none when there is no cache folder.
  SubsetMemo(const text::FontFace& face, const std::set<std::uint32_t>& glyphs);

  // The subset kept for the entry; nullopt when there is none, or a damaged one.
  std::optional<EmbeddedSubset> load() const;
  // Keeps the subset for the entry, and the newest kKept subsets only; a cache that cannot be
  // written costs the next build its time only.
  void save(const EmbeddedSubset& subset) const;

  static constexpr std::size_t kKept = 64;

 private:
  std::string key_;
  std::optional<std::filesystem::path> file_;
};

}  // namespace recto::pdf
