// Blocks of the tree as slices of the flow: paragraphs, headings, quotes, pull quotes, lists, code,
// tables, figures, rules — each with the theme's sizes, spacing and indents.
#pragma once

#include <utility>

#include "flow.hpp"
#include "inline_items.hpp"
#include "line_composer.hpp"
#include "linebreak_optimized.hpp"
#include "stylesheet.hpp"

namespace recto::typeset {

struct Frame {
  double x = 0;        // left edge from the text block's
  double measure = 0;  // width
};

class BlockLayout {
 public:
  BlockLayout(const style::StyleSheet& sheet, ItemBuilder& items, BookFlow& book, const std::filesystem::path& folder,
              Env& env, Diagnostics& diags)
      : sheet_(sheet), items_(items), book_(book), out_(&book.slices), folder_(folder), env_(env), diags_(diags) {}

  void blocks(const Blocks& bs, const Frame& frame) { blocks(bs, 0, bs.size(), frame); }
  // Blocks [begin, end) of a list, after the ones before them.
  void blocks(const Blocks& bs, std::size_t begin, std::size_t end, const Frame& frame);
  // A paragraph of inlines in a style; returns the number of slices made.
  std::size_t paragraph(const Inlines& xs, const InlineStyle& style, const Frame& frame, Align align,
                        double leading, double first_indent, double space_before);
  // The base style of body text.
  InlineStyle body_style() const;
  // The next slice made is where `id` points (a link target).
  void mark(const std::string& id) { pending_ids_.push_back(id); }
  // Inlines made for a paragraph, kept as long as the book's flow (a paragraph's source points to them).
  const Inlines& keep(Inlines xs) {
    book_.made_inlines.push_back(std::make_unique<const Inlines>(std::move(xs)));
    return *book_.made_inlines.back();
  }
  // The next slice made starts a page.
  void break_page() { page_break_ = true; }
  // Slices go to `flow` from now on (a footnote's own flow); returns where they went before.
  Flow* write_to(Flow* flow) { return std::exchange(out_, flow); }
  // The chapter being laid out, whose folder names its images.
  void set_chapter_dir(std::filesystem::path dir) { chapter_dir_ = std::move(dir); }
  // Anchor node numbers: one per paragraph, code block, figure or table cell, in reading order.
  std::uint32_t next_node() {
    node_blocks_.push_back(current_block_);
    return ++node_;
  }
  // For each node number, the tree block it was laid out from (null: the title page, the contents).
  const std::vector<const Block*>& node_blocks() const { return node_blocks_; }
  // This layout's slices will follow others in the book (a chapter set on a thread of its own): its
  // first block is not the flow's first.
  void continue_flow() { continues_ = true; }
  // Moves in what a layout begun with continue_flow made, as if this one had laid it out: its
  // slices, other settings and notes, with their paragraph and anchor node numbers after this one's.
  void append(BlockLayout& other);

 private:
  void block(const Block& b, const Frame& frame, bool after_paragraph);
  void block_content(const Block& b, const Frame& frame, bool after_paragraph);
  BreakParams justified(double measure) const;
  BreakResult break_justified(const Items& items, double measure, SourceSpan at);
  void alternatives(const Items& items, const BreakResult& best, const ParagraphSource& source, const Slice& first,
                    std::size_t block_ids);
  void ragged_alternative(const Items& items, std::size_t lines, const ParagraphSource& source, const Slice& first,
                          std::size_t block_ids);
  Flow setting(const Items& items, const std::vector<LineBreak>& breaks, const LineFrame& frame, const Slice& first,
               std::size_t block_ids) const;
  void heading(const Header& h, const Frame& frame);
  void code_block(const CodeBlock& c, const Frame& frame);
  void list(const std::vector<Blocks>& items, const Frame& frame, bool ordered, int start);
  void figure(const Figure& f, const Frame& frame, SourceSpan at);
  void table(const Table& t, const Frame& frame);
  void rule(const Frame& frame);
  Slice& push(Slice slice);
  // Gives a slice what is pending for the next one pushed: space, a page break, ids.
  void take_pending(Slice& slice) const;
  void clear_pending();
  bool at_flow_start() const;

  const style::StyleSheet& sheet_;
  ItemBuilder& items_;
  Items paragraph_items_;  // the paragraph being set: one vector whose room serves every paragraph
  BookFlow& book_;
  Flow* out_;  // where slices go
  std::filesystem::path folder_;  // the manuscript folder
  std::filesystem::path chapter_dir_;
  Env& env_;
  Diagnostics& diags_;
  std::uint32_t node_ = 0;
  const Block* current_block_ = nullptr;            // the block being laid out
  std::vector<const Block*> node_blocks_{nullptr};  // by node number
  std::uint32_t paragraphs_ = 0;  // paragraphs laid out so far: each one's number
  bool page_break_ = false;
  bool continues_ = false;  // the book's flow has slices before this layout's
  bool italic_ = false;  // inside an author note: body text in italics
  bool item_start_ = false;  // the next block starts a list item: no space before it
  int lists_ = 0;            // lists the next block is inside
  Align align_ = Align::justify;  // body text; ragged right in bibliography entries
  double pending_space_ = 0;  // space after the last block, added before the next
  std::vector<std::string> pending_ids_;  // ids of a block that made no slice yet
};

}  // namespace recto::typeset
