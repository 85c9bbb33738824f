// Walking the pages once to gather each face's glyphs and to choose each glyph's text.
#include "font_usage.hpp"

#include <stdexcept>
#include <unordered_map>

#include "pdf_syntax.hpp"

namespace recto::pdf {

namespace {

const std::string kSoftHyphen = "\u00AD";

// The texts one glyph stood for, in the order first seen, with how often: seldom more than one.
struct TextVotes {
  std::vector<std::pair<std::string, int>> counts;
  void add(std::string_view text) {
    if (text.empty()) return;
    for (auto& [t, n] : counts) {
      if (same_text(t, text)) {
        ++n;
        return;
      }
    }
    counts.emplace_back(text, 1);
  }
  // The most frequent text, but never the soft hyphen that stands for a word broken at a line's end
  // (its ActualText says so): the hyphen glyph's text is the hyphen it looks like, so that viewers
  // that ignore ActualText (pdf.js) keep a word's own hyphens ("Twitter-style") and show a break as
  // "propri- etary" rather than dropping the soft hyphen ("Univer sity").
  std::string winner() const {
    const std::pair<std::string, int>* best = nullptr;
    for (const auto& c : counts) {
      if (c.first != kSoftHyphen && (!best || c.second > best->second)) best = &c;
    }
    return best ? best->first : "-";
  }
};

void check_run(const typeset::GlyphRun& run) {
  if (!run.face) throw std::runtime_error("pdf: a glyph run has no font face");
}

}  // namespace

std::vector<FontUsage> collect_font_usage(const typeset::PagedDoc& doc) {
  std::vector<FontUsage> usages;
  // Per face, by glyph id (every glyph is counted: a flat table, not a tree): whether it is used,
  // and its texts.
  std::vector<std::vector<bool>> used;
  std::vector<std::vector<TextVotes>> votes;
  std::unordered_map<const text::FontFace*, std::size_t> index;
  for (const typeset::Page& page : doc.pages) {
    for (const typeset::GlyphRun& run : page.runs) {
      check_run(run);
      auto [it, added] = index.try_emplace(run.face, usages.size());
      if (added) {
        usages.push_back({run.face, {0}, {}});
        used.emplace_back();
        votes.emplace_back();
      }
      std::vector<bool>& face_used = used[it->second];
      std::vector<TextVotes>& face_votes = votes[it->second];
      for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
        const std::uint32_t glyph = run.glyphs[i].id;
        if (glyph >= face_used.size()) face_used.resize(glyph + 1), face_votes.resize(glyph + 1);
        face_used[glyph] = true;
        face_votes[glyph].add(run.text_of(i));
      }
    }
  }
  for (std::size_t f = 0; f < usages.size(); ++f) {
    for (std::uint32_t glyph = 0; glyph < used[f].size(); ++glyph) {
      if (used[f][glyph]) usages[f].glyphs.insert(glyph);
      if (!votes[f][glyph].counts.empty()) usages[f].glyph_text[glyph] = votes[f][glyph].winner();
    }
  }
  return usages;
}

}  // namespace recto::pdf
