// Writing the depfile's text.
#include "depfile.hpp"

#include <set>

namespace recto {

namespace {

std::string escaped(const std::filesystem::path& path) {
  std::string out;
  for (char c : path.generic_string()) {
    if (c == ' ' || c == '#' || c == '\\') out += '\\';
    if (c == '$') out += '$';
    out += c;
  }
  return out;
}

}  // namespace

std::string make_depfile(const std::vector<std::filesystem::path>& targets,
                         const std::vector<std::filesystem::path>& inputs) {
  std::string out;
  for (const auto& t : targets) out += (out.empty() ? "" : " ") + escaped(t);
  out += ":";
  std::set<std::string> seen;
  for (const auto& in : inputs) {
    std::string name = escaped(in.lexically_normal());
    if (seen.insert(name).second) out += " \\\n  " + name;
  }
  return out + "\n";
}

}  // namespace recto
