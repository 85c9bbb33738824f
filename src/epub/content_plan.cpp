// Planning the content files: names, cuts and the id → file map.
#include "content_plan.hpp"

#include <algorithm>
#include <set>

#include "tree_walk.hpp"

namespace recto::epub {

namespace {

bool is_heading(const Block& b) { return std::holds_alternative<Header>(b.node); }

const Attr* attr_of(const Block& b) {
  if (auto* h = std::get_if<Header>(&b.node)) return &h->attr;
  if (auto* d = std::get_if<Div>(&b.node)) return &d->attr;
  if (auto* f = std::get_if<Figure>(&b.node)) return &f->attr;
  if (auto* t = std::get_if<Table>(&b.node)) return &t->attr;
  if (auto* c = std::get_if<CodeBlock>(&b.node)) return &c->attr;
  return nullptr;
}

const Attr* attr_of(const Inline& x) {
  if (auto* s = std::get_if<Span>(&x.node)) return &s->attr;
  if (auto* l = std::get_if<Link>(&x.node)) return &l->attr;
  if (auto* i = std::get_if<Image>(&x.node)) return &i->attr;
  if (auto* c = std::get_if<Code>(&x.node)) return &c->attr;
  return nullptr;
}

void record(const Attr* a, const std::string& file, ContentPlan& plan) {
  if (a && !a->id.empty()) plan.file_of_id.emplace(a->id, file);
}

void record_block_ids(const Block& b, const std::string& file, ContentPlan& plan);

void record_inline_ids(const Inlines& xs, const std::string& file, ContentPlan& plan) {
  for (const Inline& x : xs) {
    record(attr_of(x), file, plan);
    if (auto* n = std::get_if<Note>(&x.node)) {
      plan.file_of_id.emplace(n->ref_id, file);
      plan.file_of_id.emplace(n->id, endnotes_file);
      for (const Block& b : n->content) record_block_ids(b, endnotes_file, plan);
    }
    if (const Inlines* children = inline_children(x)) record_inline_ids(*children, file, plan);
  }
}

void record_block_ids(const Block& b, const std::string& file, ContentPlan& plan) {
  record(attr_of(b), file, plan);
  for_each_child(
      const_cast<Block&>(b),
      [&](Blocks& children) {
        for (const Block& c : children) record_block_ids(c, file, plan);
      },
      [&](Inlines& xs) { record_inline_ids(xs, file, plan); });
}

std::string unique_stem(const Division& d, std::size_t index, std::set<std::string>& used) {
  static const std::set<std::string> reserved = {"titlepage", "endnotes", "colophon", "nav", "toc", "cover"};
  std::string stem = ascii_stem(d.name);
  if (stem.empty()) stem = "chapter-" + std::to_string(index + 1);
  if (reserved.count(stem)) stem = "text-" + stem;
  std::string candidate = stem;
  for (int n = 2; used.count(candidate); ++n) candidate = stem + "-" + std::to_string(n);
  used.insert(candidate);
  return candidate;
}

}  // namespace

std::string ascii_stem(const std::string& name) {
  std::string out;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    bool keep = (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || c == '_';
    if (u >= 'A' && u <= 'Z') c = static_cast<char>(u - 'A' + 'a'), keep = true;
    if (keep) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string ContentPlan::href(const std::string& url, const std::string& from) const {
  if (url.empty() || url[0] != '#') return url;
  auto it = file_of_id.find(url.substr(1));
  if (it == file_of_id.end() || it->second == from) return url;
  return it->second + url;
}

ContentPlan plan_content(const Document& doc, const std::function<std::size_t(const Block&)>& size_of) {
  ContentPlan plan;
  std::set<std::string> used;
  for (std::size_t di = 0; di < doc.divisions.size(); ++di) {
    const Division& d = doc.divisions[di];
    std::string stem = unique_stem(d, di, used);
    std::size_t begin = 0, size = 0, last_heading = 0;
    auto cut = [&](std::size_t end) {
      int part = static_cast<int>(std::count_if(plan.parts.begin(), plan.parts.end(),
                                                [&](const TextPart& p) { return p.division == &d; })) + 1;
      std::string file = stem + (part == 1 ? "" : "-" + std::to_string(part)) + ".xhtml";
      plan.parts.push_back({file, &d, begin, end, part});
      begin = end;
    };
    for (std::size_t i = 0; i < d.blocks.size(); ++i) {
      std::size_t block_size = size_of(d.blocks[i]);
      if (size + block_size > max_text_file_bytes && i > begin) {
        std::size_t at = last_heading > begin ? last_heading : i;
        cut(at);
        size = 0;
        for (std::size_t j = at; j < i; ++j) size += size_of(d.blocks[j]);
      }
      if (is_heading(d.blocks[i])) last_heading = i;
      size += block_size;
    }
    cut(d.blocks.size());
  }
  for (const TextPart& p : plan.parts) {
    for (std::size_t i = p.begin; i < p.end; ++i) record_block_ids(p.division->blocks[i], p.file, plan);
  }
  return plan;
}

}  // namespace recto::epub
