// Checking that a manuscript's paths stay inside its folder.
#include "paths.hpp"

namespace fs = std::filesystem;

namespace recto {

bool stays_inside(const fs::path& folder, const std::string& name) {
  fs::path p(name);
  if (p.is_absolute()) return false;
  fs::path joined = (folder / p).lexically_normal();
  auto rel = joined.lexically_relative(folder.lexically_normal());
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace recto
