// Pandoc heading attributes: `# Title {#id .class key=value}` and `{-}` for unnumbered.
#pragma once

#include "tree.hpp"

namespace recto {

void apply_heading_attributes(Blocks& blocks);

}  // namespace recto
