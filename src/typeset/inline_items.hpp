// A paragraph's inlines as items: words shaped in their style, spaces as glue, note references as
// raised numbers, links carried on the boxes they cover.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "diagnostics.hpp"
#include "font_set.hpp"
#include "items.hpp"
#include "tree.hpp"

namespace recto::typeset {

struct InlineStyle {
  Family family = Family::body;
  bool bold = false, italic = false;
  double size = 11;
  double raise = 0;
  std::string lang;
  std::string link;
};

class ItemBuilder {
 public:
  struct Options {
    double code_scale = 0.75;     // inline code's size relative to the text around it
    double expansion = 0;         // font expansion allowed, as a fraction of a word's width (0.02)
    double hyphen_penalty = 50;   // the cost of a break at a hyphenation point
  };

  ItemBuilder(const FontSet& fonts, text::Shaper& shaper, Diagnostics& diags, const std::string& book_lang,
              const Options& options)
      : fonts_(fonts), shaper_(shaper), diags_(diags), book_lang_(book_lang), options_(options) {}

  // Starts a new block: anchors count characters from its start.
  void begin_block() { offset_ = 0; }
  // Appends the items of the inlines; `node` is the anchor's node number for this block.
  void add(const Inlines& xs, const InlineStyle& style, std::uint32_t node, Items& out);
  // Appends one word (no spaces) as a box.
  void add_word(const std::string& word, const InlineStyle& style, Anchor anchor, Items& out);
  // The width of a space in the style.
  double space_width(const InlineStyle& style);

 private:
  void add_text(const std::string& text, const InlineStyle& style, SourceSpan at, Anchor anchor, Items& out);
  // add_word for a word shaped already.
  void add_shaped(const text::ShapedText& shaped, const InlineStyle& style, Anchor anchor, Items& out);
  const text::FontFace* face_for(const InlineStyle& style) const;
  text::TextStyle text_style(const InlineStyle& style, const std::string& lang) const;

  const FontSet& fonts_;
  text::Shaper& shaper_;
  Diagnostics& diags_;
  void add_pieces(const text::ShapedText& shaped, Item word, Items& out);
  // The text's one copy kept for the boxes (see Box); null for "".
  const std::string* kept(const std::string& text);
  std::unordered_set<std::string> kept_;
  std::string book_lang_;
  Options options_;
  std::uint32_t offset_ = 0;  // characters of the block so far, for anchors
  struct SpaceWidth {
    const text::FontFace* face;
    double size, width;
  };
  std::vector<SpaceWidth> space_widths_;  // by face and size: a few
};

}  // namespace recto::typeset
