// Walking the pages once to gather each face's glyphs and to choose each glyph's text.
#include "font_usage.hpp"

#include <array>
#include <bitset>
#include <memory>
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

// A face's glyphs by id: whether each is shown and its texts, in blocks of 256 ids made when one of
// their glyphs is first shown. A flat table (the walk looks up every glyph of the book), but not one
// as long as a CJK face's tens of thousands of ids, of which a book shows a few.
class GlyphTable {
 public:
  void add(std::uint32_t glyph, std::string_view text) {
    std::size_t b = glyph / kBlockSize;
    if (b >= blocks_.size()) blocks_.resize(b + 1);
    if (!blocks_[b]) blocks_[b] = std::make_unique<Block>();
    blocks_[b]->used[glyph % kBlockSize] = true;
    blocks_[b]->votes[glyph % kBlockSize].add(text);
  }
  // Fills in the usage's glyphs and their texts.
  void fill(FontUsage& usage) const {
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
      if (!blocks_[b]) continue;
      for (std::uint32_t i = 0; i < kBlockSize; ++i) {
        const auto glyph = static_cast<std::uint32_t>(b * kBlockSize + i);
        if (blocks_[b]->used[i]) usage.glyphs.insert(glyph);
        if (!blocks_[b]->votes[i].counts.empty()) usage.glyph_text[glyph] = blocks_[b]->votes[i].winner();
      }
    }
  }

 private:
  static constexpr std::uint32_t kBlockSize = 256;
  struct Block {
    std::bitset<kBlockSize> used;
    std::array<TextVotes, kBlockSize> votes;
  };
  std::vector<std::unique_ptr<Block>> blocks_;
};

void check_run(const typeset::GlyphRun& run) {
  if (!run.face) throw std::runtime_error("pdf: a glyph run has no font face");
}

}  // namespace

std::vector<FontUsage> collect_font_usage(const typeset::PagedDoc& doc) {
  std::vector<FontUsage> usages;
  std::vector<GlyphTable> tables;  // per face
  std::unordered_map<const text::FontFace*, std::size_t> index;
  for (const typeset::Page& page : doc.pages) {
    for (const typeset::GlyphRun& run : page.runs) {
      check_run(run);
      auto [it, added] = index.try_emplace(run.face, usages.size());
      if (added) {
        usages.push_back({run.face, {0}, {}});
        tables.emplace_back();
      }
      GlyphTable& table = tables[it->second];
      for (std::size_t i = 0; i < run.glyphs.size(); ++i) table.add(run.glyphs[i].id, run.text_of(i));
    }
  }
  for (std::size_t f = 0; f < usages.size(); ++f) tables[f].fill(usages[f]);
  return usages;
}

}  // namespace recto::pdf
