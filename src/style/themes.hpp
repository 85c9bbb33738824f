// The YAML text of the themes in styles/, built into the tool.
#pragma once

#include <string_view>

namespace recto::style {

// The built-in theme's YAML, or an empty view when there is none of that name.
std::string_view builtin_theme_text(std::string_view name);

}  // namespace recto::style
