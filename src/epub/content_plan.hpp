// Which XHTML file holds what: the divisions cut into files under the size readers accept, and the file
// of every id, so that links and notes can point across files.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tree.hpp"

namespace recto::epub {

// Content files stay under 260 KB (Kindle and older Kobo and RMSDK readers); the cut leaves a margin
// for what the first estimate does not see (file names in links).
inline constexpr std::size_t max_text_file_bytes = 240 * 1024;

inline constexpr const char* cover_file = "cover.xhtml";
inline constexpr const char* titlepage_file = "titlepage.xhtml";
inline constexpr const char* endnotes_file = "endnotes.xhtml";
inline constexpr const char* colophon_file = "colophon.xhtml";
inline constexpr const char* nav_file = "nav.xhtml";

struct TextPart {
  std::string file;  // an ASCII name, e.g. "wechat-is-watching.xhtml", "wechat-is-watching-2.xhtml"
  const Division* division = nullptr;
  std::size_t begin = 0, end = 0;  // the division's top-level blocks in this file
  int part = 1;                    // 1 for the division's first file
};

struct ContentPlan {
  std::vector<TextPart> parts;                    // in reading order
  std::map<std::string, std::string> file_of_id;  // every id in the text and the notes

  // The href of a link from file `from`: "#id" for the same file, "file.xhtml#id" for another;
  // other URLs unchanged.
  std::string href(const std::string& url, const std::string& from) const;
};

// Cuts each division into files: where the next block would pass the limit, at the last heading of
// the file so far when it has one after its start, else between top-level blocks.
ContentPlan plan_content(const Document& doc, const std::function<std::size_t(const Block&)>& size_of);

// An ASCII file stem from a division name: "Ünïcode chapter" → "n-code-chapter"; "" when none is left.
std::string ascii_stem(const std::string& name);

}  // namespace recto::epub
