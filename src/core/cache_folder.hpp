// recto's cache folder, where answers and drawings that cost time are kept between runs, and what
// those entries are checked against: files' states, the executable.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace recto {

// $XDG_CACHE_HOME/recto, else ~/.cache/recto (absolute paths only); none when neither is known.
std::optional<std::filesystem::path> cache_folder();

// A path's state: "-" when absent, else its modification time, size and inode.
std::string path_state(const std::string& path);

// The running executable's path.
std::string executable_path();

// The running executable: its path and state; a rebuilt recto is another.
std::string executable_identity();

// The shared library (or executable) a function comes from, as it is on disk: its path and state;
// an upgraded library may give other output.
std::string library_identity(const void* function);

// A memo line's fields, between tabs; and whether a text can be one (it has no tab nor newline).
std::vector<std::string> tab_fields(const std::string& line);
bool plain_field(const std::string& text);

// Removes the oldest files of the folder with the extension (".png") beyond the newest `kept`.
void keep_newest(const std::filesystem::path& folder, std::string_view extension, std::size_t kept);

// FNV-1a of the text as 16 hex digits: the same file name for the same text in every run.
std::string hex_hash(std::string_view text);

}  // namespace recto
