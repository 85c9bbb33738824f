// Laying out the chapters and the notes on several threads: the text in consecutive groups (of
// chapters, or of paragraphs of one, the notes last), each set by a layout of its own (its own shaper
// and items), then appended to the book's layout in reading order. They share the words shaped and
// hyphenated.
#pragma once

#include <filesystem>
#include <functional>
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

// What is set after the last chapter, by the layout that set it: the notes, as footnotes or as a
// section. Setting them costs about as much as `size` bytes of a chapter's text.
struct AfterChapters {
  std::size_t size = 0;
  std::function<void(BlockLayout&, BookFlow&)> lay_out;  // into a layout and the book flow it writes
};

// Lays out the chapters, each on a new page, and then `after`, following what `layout` (writing to
// `book`) has made, as it would one after the other. The groups are a function of the text alone, so
// that the book is the same on any machine. Their diagnostics go to `diags`, the files they read to
// `env`, in reading order.
void lay_out_chapters(const std::vector<const Division*>& chapters, const AfterChapters& after,
                      const ChapterSetup& setup, BlockLayout& layout, BookFlow& book, Env& env, Diagnostics& diags);

}  // namespace recto::typeset
