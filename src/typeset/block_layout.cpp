// Laying out blocks: styles, spacing, indents and the special layouts of lists, code, tables, figures.
#include "block_layout.hpp"

#include <algorithm>

#include "image_probe.hpp"
#include "line_count_bound.hpp"
#include "linebreak_optimized.hpp"
#include "paths.hpp"
#include "taken_settings.hpp"
#include "tree_walk.hpp"
#include "utf8.hpp"

namespace recto::typeset {

namespace {

// The longest paragraph, in lines, also set a line shorter and a line longer for the page builder.
constexpr std::size_t kMostLinesWithAlternatives = 200;

}  // namespace

InlineStyle BlockLayout::body_style() const {
  InlineStyle s;
  s.size = sheet_.body_size;
  s.italic = italic_;
  return s;
}

Slice& BlockLayout::push(Slice slice) {
  take_pending(slice);
  clear_pending();
  out_->push_back(std::move(slice));
  return out_->back();
}

bool BlockLayout::at_flow_start() const { return out_->empty() && !(out_ == &book_.slices && continues_); }

void BlockLayout::take_pending(Slice& slice) const {
  slice.space_before += pending_space_;
  if (page_break_) slice.new_page = true;
  slice.ids.insert(slice.ids.begin(), pending_ids_.begin(), pending_ids_.end());
}

void BlockLayout::clear_pending() {
  pending_space_ = 0;
  page_break_ = false;
  pending_ids_.clear();
}

void BlockLayout::append(BlockLayout& other) {
  BookFlow& from = other.book_;
  const std::uint32_t nodes = node_, paragraphs = paragraphs_;
  auto renumber = [&](Slice& s) {
    if (s.paragraph != 0) s.paragraph += paragraphs;
    for (GlyphRun& run : s.runs) {
      if (run.anchor.node != 0) run.anchor.node += nodes;
    }
    for (PlacedImage& image : s.images) {
      if (image.anchor.node != 0) image.anchor.node += nodes;
    }
  };
  // The first slice, and its other settings, get what a push here would have given it.
  if (!from.slices.empty()) {
    Slice& first = from.slices.front();
    take_pending(first);
    auto alt = from.alternatives.find(first.paragraph);
    if (first.paragraph != 0 && alt != from.alternatives.end() && first.line == 0) {
      for (Flow* setting : {&alt->second.tighter, &alt->second.looser}) {
        if (!setting->empty()) take_pending(setting->front());
      }
    }
    clear_pending();
  }
  for (Slice& s : from.slices) {
    renumber(s);
    book_.slices.push_back(std::move(s));
  }
  for (auto& [paragraph, alt] : from.alternatives) {
    for (Flow* setting : {&alt.tighter, &alt.looser}) {
      for (Slice& s : *setting) renumber(s);
    }
    if (alt.source.node != 0) alt.source.node += nodes;
    book_.alternatives.emplace(paragraph + paragraphs, std::move(alt));
  }
  for (auto& [id, lines] : from.footnotes) {
    for (Slice& s : lines) renumber(s);
    book_.footnotes.emplace(id, std::move(lines));
  }
  for (auto& made : from.made_inlines) book_.made_inlines.push_back(std::move(made));
  from = BookFlow{};
  node_blocks_.insert(node_blocks_.end(), other.node_blocks_.begin() + 1, other.node_blocks_.end());
  node_ += other.node_;
  paragraphs_ += other.paragraphs_;
  // What the other layout left pending goes on to the next slice made here.
  pending_space_ += other.pending_space_;
  page_break_ = page_break_ || other.page_break_;
  pending_ids_.insert(pending_ids_.end(), other.pending_ids_.begin(), other.pending_ids_.end());
}

std::size_t BlockLayout::paragraph(const Inlines& xs, const InlineStyle& style, const Frame& frame, Align align,
                                   double leading, double first_indent, double space_before) {
  const LineFrame lf{frame.x, frame.measure, leading, align, align == Align::justify ? sheet_.expansion : 0,
                     sheet_.protrusion};
  const ParagraphSource source{&xs, style, next_node(), first_indent, lf};
  Items& items = paragraph_items_;
  paragraph_items(items_, source, items);
  if (items.empty()) return 0;
  // Justified text gets total-fit breaks (Knuth–Plass), ending in TeX's \parfillskip; ragged and
  // centred text, where even spacing is not the point, keeps first fit.
  BreakResult best;
  if (align == Align::justify) {
    best = break_justified(items, frame.measure, xs.empty() ? SourceSpan{} : xs.front().span);
  } else {
    best.lines = break_lines_first_fit(items, frame.measure, frame.measure);
  }
  ++paragraphs_;
  const std::size_t first = out_->size(), block_ids = pending_ids_.size();
  const bool grid = leading == sheet_.leading && style.size == sheet_.body_size;
  for (std::size_t i = 0; i < best.lines.size(); ++i) {
    Slice s = compose_line(items, best.lines[i], lf);
    if (i == 0) s.space_before = space_before;
    s.grid = grid;
    s.paragraph = paragraphs_;
    s.line = static_cast<int>(i);
    s.lines = static_cast<int>(best.lines.size());
    push(std::move(s));
  }
  // Body paragraphs may also be set a line shorter or longer, for the pages.
  if (grid && out_ == &book_.slices && !best.lines.empty()) {
    if (align == Align::justify) alternatives(items, best, source, (*out_)[first], block_ids);
    if (align == Align::left) ragged_alternative(items, best.lines.size(), source, (*out_)[first], block_ids);
  }
  return best.lines.size();
}

BreakParams BlockLayout::justified(double measure) const {
  BreakParams params;
  params.measure = measure;
  params.emergency_stretch = sheet_.body_size * 3;
  return params;
}

// Total fit; an overfull line is a warning.
BreakResult BlockLayout::break_justified(const Items& items, double measure, SourceSpan at) {
  BreakResult result = break_lines_optimized(items, justified(measure));
  for (std::size_t line : result.overfull) {
    const LineBreak& b = result.lines[line];
    const Box* first = b.begin < items.size() ? &items[b.begin].content : nullptr;
    std::string start = first && first->shaped ? utf8::excerpt(first->shaped->text, 40) : "";
    diags_.warning(at, "overfull-line", "a line of this paragraph is wider than the measure (from '" + start + "')",
                   "rephrase, or allow a break in a long word or address");
  }
  return result;
}

// The paragraph at looseness −1 and +1 where its spacing stays within bounds (lines of badness up to
// 300 without hyphens, 1000 with them: none stretched by more than twice its stretch, nor shrunk by
// more than 90 % of its shrink). Each setting costs a base price (a paragraph is best at its
// optimum), the demerits it adds — so that a loose setting is taken only where a page needs it —
// and more for each hyphen it adds.
void BlockLayout::alternatives(const Items& items, const BreakResult& best, const ParagraphSource& source,
                               const Slice& first, std::size_t block_ids) {
  const LineFrame& frame = source.frame;
  // Breaking for an exact line count keeps a node per line count: time grows with the square of the
  // paragraph's length (a paragraph of 50,000 words took minutes). A paragraph that long fills
  // pages of its own, and is set at its optimum only.
  if (best.lines.size() > kMostLinesWithAlternatives) return;
  constexpr double kTightest = -0.9, kLoosest = 2.0;  // the adjustment ratios a setting may use
  Alternatives alt;
  auto hyphens = [&](const std::vector<LineBreak>& lines) {
    return static_cast<int>(std::count_if(lines.begin(), lines.end(), [&](const LineBreak& b) {
      return b.end < items.size() && items[b.end].kind == Item::penalty && items[b.end].flagged;
    }));
  };
  bool might[2];
  for (int k : {0, 1}) {
    const auto lines = static_cast<std::size_t>(static_cast<long>(best.lines.size()) + (k == 0 ? -1 : 1));
    might[k] = might_take(items, lines, frame.measure, kTightest, kLoosest);
  }
  if (!might[0] && !might[1]) return;
  BreakParams params = justified(frame.measure);
  params.emergency_stretch = 0;
  params.pretolerance = 300;
  params.tolerance = 1000;
  std::array<BreakResult, 2> settings = break_lines_tighter_and_looser(items, params, {might[0], might[1]});
  for (int k : {0, 1}) {
    const int looseness = k == 0 ? -1 : 1;
    if (!might[k]) continue;
    const BreakResult& r = settings[static_cast<std::size_t>(k)];
    if (!r.feasible || static_cast<long>(r.lines.size()) != static_cast<long>(best.lines.size()) + looseness) continue;
    if (std::any_of(r.ratios.begin(), r.ratios.end(), [](double x) { return x > kLoosest || x < kTightest; })) {
      continue;
    }
    double extra_hyphens = std::max(0, hyphens(r.lines) - hyphens(best.lines));
    (looseness < 0 ? alt.tighter_cost : alt.looser_cost) =
        100 + std::max(0.0, r.demerits - best.demerits) / 10 + 3000 * extra_hyphens;
    (looseness < 0 ? alt.tighter : alt.looser) = setting(items, r.lines, frame, first, block_ids);
    (looseness < 0 ? alt.tighter_breaks : alt.looser_breaks) = r.lines;
  }
  if (alt.tighter.empty() && alt.looser.empty()) return;
  alt.source = source;
  book_.alternatives.emplace(first.paragraph, std::move(alt));
}

// A ragged paragraph a line longer: broken first fit on a measure narrowed by steps of 2 %, down to
// 80 %, until it takes one more line (a ragged right edge hides the difference); no shorter setting.
void BlockLayout::ragged_alternative(const Items& items, std::size_t lines, const ParagraphSource& source,
                                     const Slice& first, std::size_t block_ids) {
  const LineFrame& frame = source.frame;
  for (double narrower = 0.98; narrower >= 0.8; narrower -= 0.02) {
    std::vector<LineBreak> breaks = break_lines_first_fit(items, frame.measure * narrower, frame.measure * narrower);
    if (breaks.size() < lines + 1) continue;
    if (breaks.size() > lines + 1) return;
    Alternatives alt;
    alt.looser = setting(items, breaks, frame, first, block_ids);
    alt.looser_breaks = std::move(breaks);
    alt.looser_cost = 100 + 10000 * (1 - narrower);
    alt.source = source;
    book_.alternatives.emplace(first.paragraph, std::move(alt));
    return;
  }
}

// A paragraph's lines at other breaks, as outlines (compose_taken_settings composes those the pages
// take), with what its best setting's first line has of the block (its space before, a page break,
// the block's ids).
Flow BlockLayout::setting(const Items& items, const std::vector<LineBreak>& breaks, const LineFrame& frame,
                          const Slice& first, std::size_t block_ids) const {
  Flow lines;
  for (std::size_t i = 0; i < breaks.size(); ++i) {
    Slice s = outline_line(items, breaks[i], frame);
    if (i == 0) {
      s.space_before = first.space_before;
      s.new_page = first.new_page;
      s.ids.insert(s.ids.begin(), first.ids.begin(), first.ids.begin() + static_cast<std::ptrdiff_t>(block_ids));
    }
    s.grid = true;
    s.paragraph = first.paragraph;
    s.line = static_cast<int>(i);
    s.lines = static_cast<int>(breaks.size());
    lines.push_back(std::move(s));
  }
  return lines;
}

void BlockLayout::blocks(const Blocks& bs, std::size_t begin, std::size_t end, const Frame& frame) {
  for (std::size_t i = begin; i < end; ++i) {
    block(bs[i], frame, i > 0 && std::holds_alternative<Para>(bs[i - 1].node));
  }
}

void BlockLayout::block(const Block& b, const Frame& frame, bool after_paragraph) {
  const Block* outer = std::exchange(current_block_, &b);
  block_content(b, frame, after_paragraph);
  current_block_ = outer;
}

void BlockLayout::block_content(const Block& b, const Frame& frame, bool after_paragraph) {
  const double leading = sheet_.leading;
  const bool item_start = std::exchange(item_start_, false);
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, Para> || std::is_same_v<T, Plain>) {
          bool indented = std::is_same_v<T, Para> && after_paragraph;
          paragraph(n.content, body_style(), frame, align_, leading, indented ? sheet_.indent : 0,
                    indented || item_start || at_flow_start() ? 0 : leading * 0.5);
        } else if constexpr (std::is_same_v<T, Header>) {
          heading(n, frame);
        } else if constexpr (std::is_same_v<T, CodeBlock>) {
          code_block(n, frame);
        } else if constexpr (std::is_same_v<T, BlockQuote>) {
          double inset = sheet_.body_size * 1.5;
          pending_space_ = std::max(pending_space_, leading * 0.5);
          blocks(n.content, {frame.x + inset, frame.measure - 2 * inset});
          pending_space_ = leading * 0.5;
        } else if constexpr (std::is_same_v<T, BulletList>) {
          list(n.items, frame, false, 1);
        } else if constexpr (std::is_same_v<T, OrderedList>) {
          list(n.items, frame, true, n.start);
        } else if constexpr (std::is_same_v<T, Div>) {
          if (!n.attr.id.empty()) pending_ids_.push_back(n.attr.id);
          if (n.attr.has_class("pullquote")) {
            // Display text: larger, italic, centred, with a line of space around.
            InlineStyle s = body_style();
            s.italic = true;
            s.size = sheet_.body_size * 1.25;
            double inset = sheet_.body_size * 2;
            for (const Block& inner : n.content) {
              if (const Inlines* xs = block_inlines(const_cast<Block&>(inner))) {
                std::size_t first = out_->size();
                std::size_t lines = paragraph(*xs, s, {frame.x + inset, frame.measure - 2 * inset}, Align::center,
                                          s.size * 1.3, 0, leading);
                for (std::size_t i = first; i + 1 < first + lines; ++i) (*out_)[i].keep_next = static_cast<int>(first + lines - 1 - i);  // one piece
                for (std::size_t i = first; i < first + lines; ++i) (*out_)[i].display = true;
              }
            }
            pending_space_ = leading;
          } else if (n.attr.has_class("csl-entry")) {
            // Bibliography entries, full of long names and addresses, are set ragged right.
            align_ = Align::left;
            blocks(n.content, frame);
            align_ = Align::justify;
          } else if (n.attr.has_class("author-note")) {
            // A note on the author, set apart: a line of space, in italics.
            pending_space_ = std::max(pending_space_, leading);
            italic_ = true;
            blocks(n.content, frame);
            italic_ = false;
          } else {
            blocks(n.content, frame);
          }
        } else if constexpr (std::is_same_v<T, Figure>) {
          figure(n, frame, b.span);
        } else if constexpr (std::is_same_v<T, Table>) {
          table(n, frame);
        } else if constexpr (std::is_same_v<T, HorizontalRule>) {
          rule(frame);
        }
        // RawBlock (HTML) has no meaning on paper.
      },
      b.node);
}

void BlockLayout::heading(const Header& h, const Frame& frame) {
  InlineStyle s = body_style();
  s.family = Family::heading;
  double leading = sheet_.leading;
  if (h.level == 1) {
    s.size = sheet_.h1_size;
  } else if (h.level == 2) {
    s.size = sheet_.h2_size;
    s.italic = true;
  } else {
    s.size = sheet_.h3_size;
    s.bold = true;
  }
  double line = std::max(leading, s.size * 1.2);
  if (!h.attr.id.empty()) pending_ids_.push_back(h.attr.id);
  std::size_t first = out_->size();
  double before = at_flow_start() || page_break_ ? 0 : leading * (h.level == 1 ? 2 : 1.5);
  std::size_t n = paragraph(h.content, s, frame, Align::left, line, 0, before);
  // A heading stays with the rest of itself and two lines of what follows.
  for (std::size_t i = first; i < first + n; ++i) {
    (*out_)[i].keep_next = static_cast<int>(first + n - 1 - i) + 2;
    (*out_)[i].display = true;
  }
  if (n > 0) (*out_)[first].outline.push_back({h.level, plain_text(h.content), 0, 0});
  pending_space_ = leading * 0.5;
}

void BlockLayout::code_block(const CodeBlock& c, const Frame& frame) {
  InlineStyle s;
  s.family = Family::mono;
  s.size = sheet_.code_size;
  double line = sheet_.code_size * 1.3;
  pending_space_ = std::max(pending_space_, sheet_.leading * 0.5);
  std::string text = c.text;
  if (!text.empty() && text.back() == '\n') text.pop_back();
  std::size_t start = 0;
  std::uint32_t node = next_node();
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string source_line = text.substr(start, end - start);
    Items items;
    // Leading spaces are kept as fixed space; the rest breaks only where the line is too long.
    std::size_t indent = source_line.find_first_not_of(' ');
    if (indent == std::string::npos) indent = source_line.size();
    if (indent > 0) {  // an empty box: a line's leading glue would be dropped
      Item box;
      box.width = box.content.width = items_.space_width(s) * static_cast<double>(indent);
      items.push_back(box);
    }
    std::size_t w = indent;
    while (w < source_line.size()) {
      std::size_t sp = source_line.find(' ', w);
      if (sp == std::string::npos) sp = source_line.size();
      if (sp > w) items_.add_word(source_line.substr(w, sp - w), s, {node, static_cast<std::uint32_t>(start + w)}, items);
      std::size_t next = source_line.find_first_not_of(' ', sp);
      if (next == std::string::npos) break;
      items.push_back(make_glue(items_.space_width(s) * static_cast<double>(next - sp), 0, 0));
      w = next;
    }
    if (items.empty() || (items.size() == 1 && !items[0].content.shaped)) {
      Slice blank;
      blank.height = line;
      blank.baseline = line * 0.78;
      push(std::move(blank));
    } else {
      for (const LineBreak& lb : break_lines_first_fit(items, frame.measure, frame.measure)) {
        push(compose_line(items, lb, {frame.x, frame.measure, line, Align::left}));
      }
    }
    start = end + 1;
  }
  pending_space_ = sheet_.leading * 0.5;
}

void BlockLayout::list(const std::vector<Blocks>& items, const Frame& frame, bool ordered, int start) {
  // A line of space before and after a list, none between its items nor around a list inside one.
  const bool nested = lists_ > 0;
  double indent = sheet_.body_size * 1.6;
  if (!nested) pending_space_ = std::max(pending_space_, sheet_.leading);
  ++lists_;
  int number = start;
  for (const Blocks& item : items) {
    std::size_t first = out_->size();
    item_start_ = true;
    blocks(item, {frame.x + indent, frame.measure - indent});
    if (out_->size() == first) continue;
    // The marker hangs in the indent of the item's first line, and comes first in the page's content:
    // viewers that extract text in content order (pdf.js) read it before the item's text.
    Items marker;
    InlineStyle s = body_style();
    items_.begin_block();
    items_.add_word(ordered ? std::to_string(number) + "." : "•", s, {node_, 0}, marker);
    Slice m = compose_line(marker, {0, marker.size(), true}, {frame.x, indent - sheet_.body_size * 0.4, 0, Align::right});
    Slice& target = (*out_)[first];
    auto alt = book_.alternatives.find(target.paragraph);
    if (alt != book_.alternatives.end() && target.paragraph != 0) {  // its other settings too
      for (Flow* f : {&alt->second.tighter, &alt->second.looser}) {
        if (!f->empty()) f->front().runs.insert(f->front().runs.begin(), m.runs.begin(), m.runs.end());
      }
    }
    target.runs.insert(target.runs.begin(), std::make_move_iterator(m.runs.begin()), std::make_move_iterator(m.runs.end()));
    ++number;
  }
  --lists_;
  pending_space_ = nested ? 0 : sheet_.leading * 0.5;  // and the next paragraph's own half line
}

void BlockLayout::figure(const Figure& f, const Frame& frame, SourceSpan at) {
  std::filesystem::path relative = (chapter_dir_ / f.url).lexically_normal().lexically_relative(folder_.lexically_normal());
  std::optional<std::string> bytes;
  std::optional<ImageInfo> info;
  // The messages are the EPUB writer's, so that a build of both formats tells each problem once.
  if (f.url.find("://") != std::string::npos) {
    diags_.error(at, "remote-image", "image '" + f.url + "' is not in the manuscript",
                 "download it into the manuscript folder and name its path");
  } else if (!stays_inside(folder_, relative.generic_string())) {
    diags_.error(at, "path-outside", "image '" + f.url + "' is outside the manuscript folder");
  } else if (!(bytes = env_.read_file(folder_ / relative))) {
    diags_.error(at, "missing-image", "image '" + f.url + "' not found");
  } else if (!(info = probe_image(*bytes))) {
    diags_.warning(at, "image-skipped", "image '" + f.url + "' is left out of the PDF: only PNG and JPEG images are printed");
  } else {
    double width = std::min(frame.measure, info->width * 72.0 / 150.0);  // 150 dpi at most
    double height = width * info->height / std::max(1, info->width);
    double max_height = sheet_.text_height() * 0.6;
    if (height > max_height) width *= max_height / height, height = max_height;
    Slice s;
    s.space_before = sheet_.leading * 0.5 + pending_space_;
    pending_space_ = 0;
    s.height = height;
    s.baseline = height;
    PlacedImage img{std::move(*bytes), info->media_type, frame.x + (frame.measure - width) / 2, 0, width, height,
                    plain_text(f.caption), {next_node(), 0}};
    s.images.push_back(std::move(img));
    if (!f.attr.id.empty()) s.ids.push_back(f.attr.id);
    s.keep_next = f.caption.empty() ? 0 : 1;
    s.display = true;
    push(std::move(s));
  }
  if (!f.caption.empty()) {
    InlineStyle s = body_style();
    s.italic = true;
    s.size = sheet_.note_size;
    std::size_t first = out_->size();
    paragraph(f.caption, s, frame, Align::center, sheet_.note_leading, 0, sheet_.leading * 0.3);
    for (std::size_t i = first; i < out_->size(); ++i) (*out_)[i].display = true;
  }
  pending_space_ = sheet_.leading * 0.5;
}

void BlockLayout::rule(const Frame& frame) {
  Slice s;
  s.space_before = sheet_.leading * 0.5;
  s.height = sheet_.leading;
  s.baseline = sheet_.leading / 2;
  s.rules.push_back({frame.x + frame.measure / 3, 0, frame.measure / 3, 0.5});
  push(std::move(s));
  pending_space_ = sheet_.leading * 0.5;
}

}  // namespace recto::typeset
