// Escaping text for the dumps and for JSON: quotes, backslashes and control characters.
#pragma once

#include <string>

namespace recto {

// \" \\ \n \t, and the other control characters as \u00XX (JSON) or \u{X} (the tree dump).
std::string escaped(const std::string& s, bool json);

}  // namespace recto
