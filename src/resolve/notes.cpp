// Walking the book in reading order, numbering notes and rendering citations into notes.
#include "notes.hpp"

#include <iterator>
#include <map>
#include <set>

#include "citation_style.hpp"
#include "tree_walk.hpp"

namespace recto {
namespace {

class NoteNumbering {
 public:
  explicit NoteNumbering(const std::vector<Reference>& refs) {
    for (const auto& r : refs) refs_[r.id] = &r;
  }

  void blocks(Blocks& bs, bool in_note) {
    for (Block& b : bs) {
      for_each_child(
          b, [&](Blocks& children) { blocks(children, in_note); },
          [&](Inlines& xs) { inlines(xs, in_note); });
    }
  }

  std::vector<std::string> cited;

 private:
  void number(Note& note) {
    note.number = ++count_;
    note.id = "note-" + std::to_string(count_);
    note.ref_id = "noteref-" + std::to_string(count_);
  }

  // The citation text: prefix, the reference (linked to its bibliography entry), locator, suffix.
  Inlines citation_text(const Cite& cite, SourceSpan at) {
    Inlines out;
    for (std::size_t i = 0; i < cite.citations.size(); ++i) {
      const Citation& c = cite.citations[i];
      auto it = refs_.find(c.id);
      if (it == refs_.end()) continue;  // reported by the reader
      if (seen_.insert(c.id).second) cited.push_back(c.id);
      std::string before = i > 0 ? "; " : "";
      if (!c.prefix.empty()) before += plain_text(c.prefix) + " ";
      if (!before.empty()) out.push_back({Str{before}, at});
      std::string ref = render_reference(*it->second, c.mode != CitationMode::suppress_author);
      if (!ref.empty() && ref.back() == '.') ref.pop_back();
      out.push_back({Link{{}, {{Str{ref}, at}}, "#ref-" + c.id, ""}, at});
      Locator loc = parse_locator(plain_text(c.suffix));
      std::string after;
      if (!loc.label.empty()) after += ", " + loc.label + "\u00A0" + loc.value;
      if (!loc.rest.empty()) after += (loc.rest.front() == ',' ? "" : " ") + loc.rest;
      if (!after.empty()) out.push_back({Str{after}, at});
    }
    if (!out.empty()) out.push_back({Str{"."}, at});
    return out;
  }

  // Into a new sequence, in one pass: inserting into `xs` as it went took quadratic time over a
  // paragraph of many citations.
  void inlines(Inlines& xs, bool in_note) {
    Inlines out;
    out.reserve(xs.size());
    for (std::size_t i = 0; i < xs.size(); ++i) {
      Inline& x = xs[i];
      if (auto* note = std::get_if<Note>(&x.node)) {
        number(*note);
        blocks(note->content, true);
      } else if (auto* cite = std::get_if<Cite>(&x.node)) {
        Inlines text = citation_text(*cite, x.span);
        if (in_note) {  // a citation inside a note is set in its text, not as a note of its own
          if (!text.empty()) text.pop_back();  // the sentence around it has its own full stop
          std::move(text.begin(), text.end(), std::back_inserter(out));
          continue;
        }
        Inlines prefix_text;
        if (cite->citations.size() == 1 && cite->citations[0].mode == CitationMode::author_in_text) {
          auto it = refs_.find(cite->citations[0].id);
          if (it != refs_.end()) prefix_text.push_back({Str{render_in_text_authors(*it->second)}, x.span});
        }
        Note cite_note{{Block{Para{std::move(text)}, x.span}}, 0, {}, {}};
        number(cite_note);
        x.node = std::move(cite_note);
        if (!prefix_text.empty()) {
          out.push_back(std::move(prefix_text.front()));
        } else if (place_after_punctuation(out, x.span, i + 1 < xs.size() ? &xs[i + 1] : nullptr)) {
          out.push_back(std::move(x));
          ++i;  // nothing is left of what followed
          continue;
        }
      } else if (Inlines* children = inline_children(x)) {
        inlines(*children, in_note);
      }
      out.push_back(std::move(x));
    }
    xs = std::move(out);
  }

  // As pandoc does for note styles: "a claim [@a]." becomes "a claim.¹" — the space before the note
  // goes, and the punctuation after it moves before it. `out` ends where the note goes, `after`
  // follows it; true when nothing is left of `after`.
  static bool place_after_punctuation(Inlines& out, SourceSpan note_at, Inline* after) {
    // The space may be a line's end in the source ("explains why\n[@lee]."): a soft break.
    while (!out.empty()) {
      if (std::holds_alternative<SoftBreak>(out.back().node)) {
        out.pop_back();
        continue;
      }
      auto* before = std::get_if<Str>(&out.back().node);
      if (!before || before->text.empty() || before->text.back() != ' ') break;
      while (!before->text.empty() && before->text.back() == ' ') before->text.pop_back();
      if (before->text.empty()) out.pop_back();
    }
    auto* following = after ? std::get_if<Str>(&after->node) : nullptr;
    if (!following) return false;
    std::size_t n = following->text.find_first_not_of(".,;:!?");
    if (n == 0) return false;
    std::string punctuation = following->text.substr(0, n);
    following->text.erase(0, n);
    if (auto* before = out.empty() ? nullptr : std::get_if<Str>(&out.back().node)) {
      before->text += punctuation;
    } else {
      out.push_back(Inline{Str{punctuation}, note_at});
    }
    return following->text.empty();
  }

  std::map<std::string, const Reference*> refs_;
  std::set<std::string> seen_;
  int count_ = 0;
};

}  // namespace

std::vector<std::string> number_notes(Document& doc) {
  NoteNumbering numbering(doc.references);
  for (auto& division : doc.divisions) numbering.blocks(division.blocks, false);
  return numbering.cited;
}

}  // namespace recto
