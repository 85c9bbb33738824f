// Small helpers of the tree's value types.
#include "tree.hpp"

#include <algorithm>

namespace recto {

bool Attr::has_class(const std::string& c) const {
  return std::find(classes.begin(), classes.end(), c) != classes.end();
}

const std::string* Attr::get(const std::string& key) const {
  for (const auto& [k, v] : kv) {
    if (k == key) return &v;
  }
  return nullptr;
}

}  // namespace recto
