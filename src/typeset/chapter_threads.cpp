// Laying out the chapters and the notes on several threads, in groups that depend on the text alone.
#include "chapter_threads.hpp"

#include <algorithm>
#include <functional>
#include <memory>

#include "parallel.hpp"
#include "tree_walk.hpp"

namespace recto::typeset {

namespace {

// A group has at least this many bytes of text, so that a short book is set on one thread.
constexpr std::size_t kLeastText = 4096;

// A stretch of a chapter's blocks that one group lays out: a chapter, or part of one cut between
// two paragraphs (where nothing but the next paragraph's indent carries over); or, without a
// division, what comes after the chapters.
struct Piece {
  const Division* division = nullptr;
  std::filesystem::path dir;       // the chapter's folder, which names its images
  std::size_t begin = 0, end = 0;  // of division->blocks
  std::size_t size = 0;            // bytes of text: what setting it costs, roughly
};

// A group of pieces and the layout that sets them, with everything it changes of its own.
struct Group {
  Group(const ChapterSetup& setup, const Env& book_env)
      : shaper(*setup.fonts.library, &setup.shapes, setup.hyphenator),
        items(setup.fonts, shaper, diags, setup.lang, setup.item_options),
        layout(setup.sheet, items, book, setup.folder, env, diags) {
    env.memory_files = book_env.memory_files;
    layout.continue_flow();
  }

  std::vector<Piece> pieces;
  text::Shaper shaper;
  Diagnostics diags;
  Env env;
  BookFlow book;
  ItemBuilder items;
  BlockLayout layout;
};

// The bytes of text of each of the chapter's blocks, the blocks inside it included.
std::vector<std::size_t> block_sizes(const Division& d) {
  std::vector<std::size_t> sizes(d.blocks.size(), 1);
  std::size_t top = 0;
  const Block* first = d.blocks.data();
  const Block* end = first + d.blocks.size();
  std::less<const Block*> before;  // a total order, also for the blocks of other lists
  walk_blocks(d.blocks, [&](const Block& b) {
    if (!before(&b, first) && before(&b, end))
      top = static_cast<std::size_t>(&b - first);  // a block of the chapter's own
    if (const Inlines* xs = block_inlines(const_cast<Block&>(b)))
      sizes[top] += plain_text(*xs).size();
    if (const auto* c = std::get_if<CodeBlock>(&b.node)) sizes[top] += c->text.size();
  });
  return sizes;
}

// The chapters cut before every paragraph that follows a paragraph, and then what comes after them.
std::vector<Piece> pieces_of(const std::vector<const Division*>& chapters, const AfterChapters& after,
                             const Sources& sources) {
  std::vector<Piece> pieces;
  for (const Division* d : chapters) {
    Piece piece{d, std::filesystem::path(sources.path(d->span.file)).parent_path()};
    const std::vector<std::size_t> sizes = block_sizes(*d);
    for (std::size_t i = 0; i < d->blocks.size(); ++i) {
      bool cut = i > 0 && std::holds_alternative<Para>(d->blocks[i].node) &&
                 std::holds_alternative<Para>(d->blocks[i - 1].node);
      if (cut) {
        piece.end = i;
        pieces.push_back(piece);
        piece.begin = i;
        piece.size = 0;
      }
      piece.size += sizes[i];
    }
    piece.end = d->blocks.size();
    pieces.push_back(piece);
  }
  if (after.lay_out) pieces.push_back(Piece{nullptr, {}, 0, 0, after.size});
  return pieces;
}

// Consecutive pieces in groups of about equal text.
std::vector<std::vector<Piece>> grouped(const std::vector<Piece>& pieces, std::size_t most) {
  std::size_t total = 0;
  for (const Piece& p : pieces) total += p.size;
  const std::size_t groups =
      std::max<std::size_t>(1, std::min({most, pieces.size(), total / kLeastText}));
  std::vector<std::vector<Piece>> out(groups);
  std::size_t done = 0;
  for (std::size_t i = 0, g = 0; i < pieces.size(); ++i) {
    // A group is full at its share of the text, leaving a piece for each group after it.
    const bool full = !out[g].empty() &&
                      (done >= total * (g + 1) / groups || pieces.size() - i <= groups - 1 - g);
    if (full && g + 1 < groups) ++g;
    out[g].push_back(pieces[i]);
    done += pieces[i].size;
  }
  return out;
}

void lay_out(BlockLayout& layout, BookFlow& book, const std::vector<Piece>& pieces, const AfterChapters& after,
             double measure) {
  for (const Piece& p : pieces) {
    if (!p.division) {
      after.lay_out(layout, book);
      continue;
    }
    if (p.begin == 0) layout.break_page();
    layout.set_chapter_dir(p.dir);
    layout.blocks(p.division->blocks, p.begin, p.end, {0, measure});
  }
}

}  // namespace

void lay_out_chapters(const std::vector<const Division*>& chapters, const AfterChapters& after,
                      const ChapterSetup& setup, BlockLayout& layout, BookFlow& book, Env& env, Diagnostics& diags) {
  const double measure = setup.sheet.text_width();
  std::vector<std::vector<Piece>> groups =
      grouped(pieces_of(chapters, after, env.sources), setup.most_groups);
  if (groups.size() <= 1) {
    for (const auto& group : groups) lay_out(layout, book, group, after, measure);
    return;
  }
  std::vector<std::unique_ptr<Group>> made;
  for (auto& pieces : groups) {
    made.push_back(std::make_unique<Group>(setup, env));
    made.back()->pieces = std::move(pieces);
  }
  run_parallel(made.size(), [&](std::size_t g) {
    lay_out(made[g]->layout, made[g]->book, made[g]->pieces, after, measure);
  });

  for (const auto& group : made) {
    layout.append(group->layout);
    diags.append(group->diags);
    env.inputs_read.insert(env.inputs_read.end(), group->env.inputs_read.begin(),
                           group->env.inputs_read.end());
  }
}

}  // namespace recto::typeset
