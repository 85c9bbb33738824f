// Pandoc implicit figures: an image alone in a paragraph becomes a Figure whose caption is its alt text.
#pragma once

#include "tree.hpp"

namespace recto {

void make_implicit_figures(Blocks& blocks);

}  // namespace recto
