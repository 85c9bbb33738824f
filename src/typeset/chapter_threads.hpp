// Laying out the chapters on several threads: the text in consecutive groups (of chapters, or of
// paragraphs of one), each set by a layout of its own (its own shaper and items), then appended to
// the book's layout in reading order. They share the words shaped and hyphenated.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "block_layout.hpp"
#include "env.hpp"

namespace recto::typeset {

// What the layout of every group shares.
struct ChapterSetup {
  const style::StyleSheet& sheet;
  const FontSet& fonts;
  text::ShapeCache& shapes;
  text::Hyphenator* hyphenator;  // null: no hyphenation
  ItemBuilder::Options item_options;
  std::string lang;
  std::filesystem::path folder;  // the manuscript's
  std::size_t most_groups;
};

// Lays out the chapters, each on a new page, after what `layout` has made, as it would one after
// the other. The groups are a function of the text alone, so that the book is the same on any
// machine. Their diagnostics go to `diags`, the files they read to `env`, in reading order.
void lay_out_chapters(const std::vector<const Division*>& chapters, const ChapterSetup& setup,
                      BlockLayout& layout, Env& env, Diagnostics& diags);

}  // namespace recto::typeset
