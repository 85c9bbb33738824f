// recto's cache folder, where answers and drawings that cost time are kept between runs, and what
// those entries are checked against: files' states, the executable.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace recto {

// $XDG_CACHE_HOME/recto, else ~/.cache/recto (absolute paths only); none when neither is known.
std::optional<std::filesystem::path> cache_folder();

// A path's state: "-" when absent, else its modification time, size and inode.
std::string path_state(const std::string& path);

// The running executable: its path and state; a rebuilt recto is another.
std::string executable_identity();

// FNV-1a of the text as 16 hex digits: the same file name for the same text in every run.
std::string hex_hash(std::string_view text);

}  // namespace recto
