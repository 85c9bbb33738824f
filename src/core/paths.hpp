// Paths named inside a manuscript, which must not lead out of its folder.
#pragma once

#include <filesystem>
#include <string>

namespace recto {

// True when `name` (relative, as written in the manuscript) names a place inside `folder`, also once
// every symbolic link on the way is followed. An empty name names no file: false.
bool stays_inside(const std::filesystem::path& folder, const std::string& name);

}  // namespace recto
