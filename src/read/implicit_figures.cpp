// Turning paragraphs that hold only an image into figures.
#include "implicit_figures.hpp"

#include "tree_walk.hpp"

namespace recto {

void make_implicit_figures(Blocks& blocks) {
  walk_blocks(blocks, [](Block& b) {
    auto* p = std::get_if<Para>(&b.node);
    if (!p || p->content.size() != 1) return;
    auto* img = std::get_if<Image>(&p->content.front().node);
    if (!img) return;
    Figure f{std::move(img->attr), std::move(img->alt), std::move(img->url), std::move(img->title)};
    b.node = std::move(f);
  });
}

}  // namespace recto
