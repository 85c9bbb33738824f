// Texts shaped in a book's earlier builds, kept between runs in recto's cache folder: shaping the
// words with HarfBuzz is a sixth of a build's time, and a book built again has mostly the same words.
// Kept are the texts a ShapeCache shares (set in their style's own faces), with their glyphs, line
// break opportunities and, when shaped with a hyphenator, hyphenation points. They hold only while
// the executable, the HarfBuzz library, the faces' files and the hyphenation pattern files read are
// as they were (modification time, size and inode).
#pragma once

#include <deque>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "font_library.hpp"
#include "shaper.hpp"

namespace recto::text {

class ShapeMemo {
 public:
  // The memo of the book at `source` (its folder, or its one file) for this executable, in the cache
  // folder; null when there is none.
  static std::unique_ptr<ShapeMemo> for_book(const std::filesystem::path& source);
  explicit ShapeMemo(std::filesystem::path file);

  // Whether the file is there: a build it serves finds its words shaped and hyphenated already, and
  // may need no hyphenation patterns.
  bool exists() const;
  // Reads the file; false, and nothing kept, when it is missing, damaged or stale. Kept are the
  // texts whose faces `fonts` has open (those of the themes to set), others left out.
  bool load(const FontLibrary& fonts);
  // Lends the cache the texts shaped with a hyphenator, or those shaped without one. The memo must
  // outlive the cache.
  void lend(ShapeCache& cache, bool hyphenated) const;
  // Takes the texts the cache shaped itself, and notes which lent ones it used, for the next build.
  void record(const ShapeCache& cache, bool hyphenated);
  // The pattern files of the languages whose hyphenated texts were recorded or lent and used: what
  // the build read, in effect (for depfiles).
  std::vector<std::string> pattern_files() const;
  // When texts were recorded, writes those and the lent ones used, with the states of their
  // languages' pattern files; keeps the newest kKept memos only. A cache that cannot be written
  // costs the next build its time only.
  void save();

  static constexpr std::size_t kKept = 16;

 private:
  struct Entry {
    TextStyle style;
    bool hyphenated = false;
    ShapedText shaped;
    bool used = false;
  };
  std::filesystem::path file_;
  // The languages of the hyphenated texts used.
  std::set<std::string> hyphenated_languages() const;

  std::deque<Entry> entries_;  // those loaded, then those recorded
  std::size_t recorded_ = 0;
};

}  // namespace recto::text
