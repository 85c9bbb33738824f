// Writing a build product so that readers never see a partial file: a temporary file, then a rename.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace recto {

// Writes bytes to a temporary file beside `path` and renames it over `path`. On failure the previous
// file (if any) is untouched, no temporary file is left, and the reason is returned; "" on success.
std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace recto
