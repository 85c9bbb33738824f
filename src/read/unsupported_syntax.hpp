// Pandoc syntax that recto does not support (math, definition lists, super/subscript, raw TeX):
// kept as text and reported as a warning at its position, never dropped silently.
#pragma once

#include "diagnostics.hpp"
#include "tree.hpp"

namespace recto {

void warn_unsupported_syntax(Blocks& blocks, Diagnostics& diags);

}  // namespace recto
