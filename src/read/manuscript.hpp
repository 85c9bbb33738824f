// Reading a whole manuscript (a folder with book.yaml and chapters, or one Markdown file) into a Document.
#pragma once

#include <filesystem>
#include <functional>

#include "diagnostics.hpp"
#include "env.hpp"
#include "tree.hpp"

namespace recto {

struct ReadOptions {
  std::filesystem::path bibliography;  // given on the command line: read besides the manuscript's own
  // Called with book.yaml's metadata as soon as it is read, before the chapters: a caller may start
  // work that needs only the metadata (the hyphenation patterns of its language) meanwhile.
  std::function<void(const Meta&)> on_metadata;
  // Called once every chapter's front matter is read too, when the metadata is complete (its first
  // value of each key wins), before the chapters' Markdown is parsed.
  std::function<void(const Meta&)> on_complete_metadata;
};

// Reports every problem to `diags` and returns the best-effort document.
Document read_manuscript(const std::filesystem::path& source, const ReadOptions& options, Env& env,
                         Diagnostics& diags);

}  // namespace recto
