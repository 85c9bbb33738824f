// Loading a manuscript file: read, registered in the source table, UTF-8 checked.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "diagnostics.hpp"
#include "env.hpp"

namespace recto {

struct SourceFile {
  FileId id = 0;
  std::string text;  // valid UTF-8: invalid bytes reported and replaced by U+FFFD, a BOM removed
};

// nullopt when the file cannot be read (the caller reports it where the file was named); a file that
// takes the text read beyond max_text_bytes is an error, and empty.
std::optional<SourceFile> load_source(const std::filesystem::path& path, Env& env, Diagnostics& diags);

// Splits a leading YAML metadata block (`---` … `---` or `...`) off Markdown text, keeping line
// numbers: both results have the same lines as the input, the other part's lines left empty.
struct FrontMatter {
  std::string yaml;      // empty when there is no block
  std::string markdown;
};
FrontMatter split_front_matter(const std::string& text);

}  // namespace recto
