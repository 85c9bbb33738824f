// Checking that a manuscript's paths stay inside its folder, symbolic links followed.
#include "paths.hpp"

namespace fs = std::filesystem;

namespace recto {

namespace {

bool lexically_inside(const fs::path& folder, const fs::path& target) {
  auto rel = target.lexically_relative(folder);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

bool stays_inside(const fs::path& folder, const std::string& name) {
  fs::path p(name);
  if (name.empty() || p.is_absolute()) return false;
  if (!lexically_inside(folder.lexically_normal(), (folder / p).lexically_normal())) return false;
  // Where it really is: a link inside the folder may lead out of it. What does not exist yet
  // resolves as far as it does.
  std::error_code folder_error, target_error;
  fs::path real_folder = fs::weakly_canonical(folder, folder_error);
  fs::path real_target = fs::weakly_canonical(folder / p, target_error);
  if (folder_error || target_error) return false;
  return lexically_inside(real_folder, real_target);
}

}  // namespace recto
