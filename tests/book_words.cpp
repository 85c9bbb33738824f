// The words of a book, as the tree has them and as readers' tools extract them: for comparing what a
// PDF or a reading engine shows with the manuscript.
#include "book_words.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

#include "manuscript.hpp"
#include "resolve.hpp"
#include "support.hpp"
#include "tree_walk.hpp"

namespace recto::test {

namespace {

// The words of the book as the PDF sets them: title page, text (note numbers after their word), the
// notes, the References (numbered).
void words_of(const Inlines& xs, std::string& out) {
  for (const Inline& x : xs) {
    if (auto* s = std::get_if<Str>(&x.node)) out += s->text;
    else if (auto* c = std::get_if<Code>(&x.node)) out += c->text;
    else if (std::holds_alternative<SoftBreak>(x.node) || std::holds_alternative<LineBreak>(x.node)) out += ' ';
    else if (auto* n = std::get_if<Note>(&x.node)) out += std::to_string(n->number);
    else if (std::holds_alternative<Image>(x.node)) out += ' ';  // drawn, its description not shown
    else if (auto* raw = std::get_if<RawInline>(&x.node); raw && raw->text.rfind("<br", 0) == 0) out += ' ';
    else if (const Inlines* children = inline_children(x)) words_of(*children, out);
  }
}

void words_of(const Blocks& bs, std::string& out) {
  for (const Block& b : bs) {
    if (auto* l = std::get_if<OrderedList>(&b.node)) {
      int n = l->start;
      for (const Blocks& item : l->items) {
        out += " " + std::to_string(n++) + ". ";
        words_of(item, out);
      }
    } else if (auto* bullets = std::get_if<BulletList>(&b.node)) {
      for (const Blocks& item : bullets->items) {
        out += " • ";
        words_of(item, out);
      }
    } else if (auto* c = std::get_if<CodeBlock>(&b.node)) {
      out += " " + c->text + " ";
    } else if (const Inlines* xs = block_inlines(const_cast<Block&>(b))) {
      out += ' ';
      words_of(*xs, out);
      out += ' ';
    } else {
      for_each_child(
          const_cast<Block&>(b), [&](Blocks& children) { words_of(children, out); },
          [&](Inlines& inlines) {
            out += ' ';
            words_of(inlines, out);
            out += ' ';
          });
    }
  }
}

}  // namespace

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  bool join = false;
  for (std::string w; in >> w;) {
    if (join) words.back() += w;
    else words.push_back(w);
    const std::string& last = words.back();
    join = !last.empty() && (last.back() == '-' || last.back() == '/' ||
                             (last.size() >= 3 && (last.compare(last.size() - 3, 3, "—") == 0 ||
                                                   last.compare(last.size() - 3, 3, "–") == 0)));
  }
  return words;
}

TreeWords expected_words(const std::filesystem::path& source) {
  ReadResult r = read(source);
  Document doc = resolve(std::move(r.doc), ResolveOptions{}, r.env, r.diags);
  std::string text = doc.meta.title + " " + doc.meta.subtitle + " ";
  for (const auto& a : doc.meta.authors) text += a + " ";
  text += doc.meta.source + " ";
  const Division* references = nullptr;
  std::string notes;
  for (const Division& d : doc.divisions) {
    if (d.attr.has_class("references")) references = &d;
    else words_of(d.blocks, text);
    walk_inlines(d.blocks, [&](const Inline& x) {
      if (auto* n = std::get_if<Note>(&x.node)) {
        notes += " " + std::to_string(n->number) + ". ";
        words_of(n->content, notes);
      }
    });
  }
  if (references) words_of(references->blocks, text);
  return {split_words(text), split_words(notes)};
}

std::vector<std::string> words_joined_at_soft_hyphens(const std::string& text) {
  const std::string soft_hyphen = "\u00AD";
  std::vector<std::string> words;
  bool join = false;
  for (std::string& w : split_words(text)) {
    bool hyphenated = w.size() > soft_hyphen.size() && w.compare(w.size() - soft_hyphen.size(), soft_hyphen.size(), soft_hyphen) == 0;
    if (hyphenated) w.erase(w.size() - soft_hyphen.size());
    if (join) words.back() += w;
    else words.push_back(w);
    join = hyphenated;
  }
  return words;
}

ThemePage theme_page(const std::string& theme) {
  if (theme == "a5") return {595.28, 56.69, 62.36};
  if (theme == "ereader") return {340.16, 14.17, 19.84};
  REQUIRE(theme == "trade");
  return {648, 54, 61.2};
}

namespace {

// The words of a book with endnotes: the text, a Notes section, then the References.
std::vector<std::string> with_endnotes(const TreeWords& tree, std::size_t references_words) {
  std::vector<std::string> out(tree.text.begin(), tree.text.end() - static_cast<std::ptrdiff_t>(references_words));
  out.push_back("Notes");
  out.insert(out.end(), tree.notes.begin(), tree.notes.end());
  out.insert(out.end(), tree.text.end() - static_cast<std::ptrdiff_t>(references_words), tree.text.end());
  return out;
}

// Whether `got` is `a` and `b` interleaved, each in its order (text with footnotes at page feet);
// `reached` gets how far into `got` the longest interleaved prefix goes.
bool interleaves(const std::vector<std::string>& got, const std::vector<std::string>& a,
                 const std::vector<std::string>& b, std::size_t& reached) {
  // can[j]: got's first i + j words are a's first i and b's first j, for the current i.
  std::vector<char> can(b.size() + 1, 0);
  reached = 0;
  for (std::size_t i = 0; i <= a.size(); ++i) {
    for (std::size_t j = 0; j <= b.size(); ++j) {
      bool ok = i == 0 && j == 0;
      if (i + j > got.size()) {
        can[j] = false;
        continue;
      }
      if (i > 0 && can[j] && got[i + j - 1] == a[i - 1]) ok = true;
      if (j > 0 && can[j - 1] && got[i + j - 1] == b[j - 1]) ok = true;  // can[j - 1] is this row's
      can[j] = ok;
      if (ok) reached = std::max(reached, i + j);
    }
  }
  return got.size() == a.size() + b.size() && can[b.size()];
}

}  // namespace

std::string first_difference(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  auto around = [&](const std::vector<std::string>& v) {
    std::string s;
    for (std::size_t j = i >= 5 ? i - 5 : 0; j < std::min(v.size(), i + 6); ++j) s += (j == i ? "[" : "") + v[j] + (j == i ? "] " : " ");
    return s;
  };
  return "word " + std::to_string(i) + "\n  expected: " + around(a) + "\n  got:      " + around(b);
}


void check_words_are_the_books(const std::vector<std::string>& got, const TreeWords& tree, bool endnotes) {
  if (endnotes) {
    std::size_t references = 0;  // the References' words, after the Notes section
    for (std::size_t i = tree.text.size(); i-- > 0 && tree.text[i] != "References";) ++references;
    const std::vector<std::string> expected = with_endnotes(tree, references + 1);
    INFO(first_difference(expected, got));
    CHECK(got == expected);
  } else {
    std::size_t reached = 0;
    const bool ok = interleaves(got, tree.text, tree.notes, reached);
    INFO(got.size() << " words, the text's and the notes' " << tree.text.size() << " + " << tree.notes.size());
    INFO("the words are the text and the notes interleaved up to word " << reached << ": ... "
         << first_difference(got, std::vector<std::string>(got.begin(), got.begin() + static_cast<std::ptrdiff_t>(reached))));
    CHECK(ok);
  }
}

}  // namespace recto::test
