// Recursive traversals over blocks and inlines.
#include "tree_walk.hpp"

namespace recto {
namespace {

void lists_in_inlines(Inlines& xs, const std::function<void(Inlines&)>& f);

void lists_in_blocks(Blocks& blocks, const std::function<void(Inlines&)>& f) {
  for (Block& b : blocks) {
    for_each_child(
        b, [&](Blocks& children) { lists_in_blocks(children, f); },
        [&](Inlines& xs) { lists_in_inlines(xs, f); });
  }
}

}  // namespace

Inlines* inline_children(Inline& x) {
  if (auto* e = std::get_if<Emph>(&x.node)) return &e->content;
  if (auto* e = std::get_if<Strong>(&x.node)) return &e->content;
  if (auto* e = std::get_if<Strikeout>(&x.node)) return &e->content;
  if (auto* l = std::get_if<Link>(&x.node)) return &l->content;
  if (auto* i = std::get_if<Image>(&x.node)) return &i->alt;
  if (auto* s = std::get_if<Span>(&x.node)) return &s->content;
  return nullptr;
}

const Inlines* inline_children(const Inline& x) { return inline_children(const_cast<Inline&>(x)); }

namespace {

void lists_in_inlines(Inlines& xs, const std::function<void(Inlines&)>& f) {
  f(xs);
  for (Inline& x : xs) {
    if (Inlines* children = inline_children(x)) lists_in_inlines(*children, f);
    if (auto* c = std::get_if<Cite>(&x.node)) {
      for (auto& ct : c->citations) {
        lists_in_inlines(ct.prefix, f);
        lists_in_inlines(ct.suffix, f);
      }
    }
    if (auto* n = std::get_if<Note>(&x.node)) lists_in_blocks(n->content, f);
  }
}

}  // namespace

void for_each_child(Block& b, const std::function<void(Blocks&)>& on_blocks,
                    const std::function<void(Inlines&)>& on_inlines) {
  if (Inlines* xs = block_inlines(b)) on_inlines(*xs);
  if (auto* t = std::get_if<Table>(&b.node)) {
    for (auto* rows : {&t->head, &t->body}) {
      for (auto& row : *rows) {
        for (auto& cell : row) on_inlines(cell.content);
      }
    }
  }
  if (auto* q = std::get_if<BlockQuote>(&b.node)) on_blocks(q->content);
  if (auto* d = std::get_if<Div>(&b.node)) on_blocks(d->content);
  if (auto* l = std::get_if<BulletList>(&b.node)) {
    for (auto& item : l->items) on_blocks(item);
  }
  if (auto* l = std::get_if<OrderedList>(&b.node)) {
    for (auto& item : l->items) on_blocks(item);
  }
}

namespace {

void append_plain_text(const Inlines& xs, std::string& out) {
  for (const Inline& x : xs) {
    if (auto* s = std::get_if<Str>(&x.node)) {
      out += s->text;
    } else if (auto* c = std::get_if<Code>(&x.node)) {
      out += c->text;
    } else if (std::holds_alternative<SoftBreak>(x.node) || std::holds_alternative<LineBreak>(x.node)) {
      out += ' ';
    } else if (const Inlines* children = inline_children(x)) {
      append_plain_text(*children, out);
    }
  }
}

}  // namespace

std::string plain_text(const Inlines& xs) {
  std::string out;
  append_plain_text(xs, out);
  return out;
}

Inlines* block_inlines(Block& b) {
  if (auto* p = std::get_if<Para>(&b.node)) return &p->content;
  if (auto* p = std::get_if<Plain>(&b.node)) return &p->content;
  if (auto* h = std::get_if<Header>(&b.node)) return &h->content;
  if (auto* f = std::get_if<Figure>(&b.node)) return &f->caption;
  return nullptr;
}

void walk_inline_lists(Blocks& blocks, const std::function<void(Inlines&)>& f) {
  lists_in_blocks(blocks, f);
}

void walk_inlines(Blocks& blocks, const std::function<void(Inline&)>& f) {
  walk_inline_lists(blocks, [&](Inlines& xs) {
    for (Inline& x : xs) f(x);
  });
}

void walk_blocks(Blocks& blocks, const std::function<void(Block&)>& f) {
  for (Block& b : blocks) {
    f(b);
    // Notes inside this block's own inline content come before its child blocks, in reading order.
    std::function<void(Inlines&)> notes = [&](Inlines& xs) {
      for (Inline& x : xs) {
        if (auto* n = std::get_if<Note>(&x.node)) walk_blocks(n->content, f);
        if (Inlines* children = inline_children(x)) notes(*children);
      }
    };
    for_each_child(
        b, [&](Blocks& children) { walk_blocks(children, f); }, notes);
  }
}

// The walks do not change the tree unless f does: the read-only forms share them.
void walk_blocks(const Blocks& blocks, const std::function<void(const Block&)>& f) {
  walk_blocks(const_cast<Blocks&>(blocks), [&](Block& b) { f(b); });
}

void walk_inlines(const Blocks& blocks, const std::function<void(const Inline&)>& f) {
  walk_inlines(const_cast<Blocks&>(blocks), [&](Inline& x) { f(x); });
}

}  // namespace recto
