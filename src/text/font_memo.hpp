// fontconfig's answers kept between runs, in a file, for as long as what they came from is
// unchanged.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace recto::text {

// A font file and the face in it; no path when no font answers.
struct FontAnswer {
  std::string path;
  unsigned index = 0;
  bool operator==(const FontAnswer&) const = default;
};

// Answers to questions put to fontconfig ("which face is EB Garamond bold?"), with the paths they
// depend on: fontconfig's configuration files and font folders, and the font files answered. Loaded
// answers hold only while the context (environment, versions) is the same and every path is as it
// was (same modification time, size and inode, or still absent). Safe to use from several threads.
class FontMemo {
 public:
  // The memo kept in `file` for `context`; nothing is read until load.
  FontMemo(std::filesystem::path file, std::string context);

  // Reads the file; true when its answers hold. A missing, unreadable or stale file gives none.
  bool load();

  std::optional<FontAnswer> answer(const std::string& question) const;
  // Keeps the answer, and watches its font file.
  void record(const std::string& question, const FontAnswer& answer);
  // Watches these paths, as they are now, instead of the configuration watched before: fontconfig
  // has just read them.
  void watch_configuration(const std::vector<std::string>& paths);

  // Writes the file when answers or paths changed since it was loaded or saved; quietly does
  // nothing when it cannot be written.
  void save();

 private:
  std::string text() const;

  std::filesystem::path file_;
  std::string context_;
  mutable std::mutex mutex_;
  std::map<std::string, FontAnswer> answers_;
  std::map<std::string, std::string> configuration_, fonts_;  // path → state
  bool changed_ = false;
};

// The memo of this process: in $XDG_CACHE_HOME/recto (else ~/.cache/recto), one file for each
// environment fontconfig reads and each recto executable; none when neither folder is known.
FontMemo* process_font_memo();

}  // namespace recto::text
