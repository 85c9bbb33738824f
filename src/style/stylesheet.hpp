// A PDF theme: page, margins, fonts, sizes and spacing, in points.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "diagnostics.hpp"
#include "env.hpp"

namespace recto::style {

struct StyleSheet {
  std::string name;
  double page_width = 432, page_height = 648;
  double margin_top = 54, margin_bottom = 61, margin_inner = 58, margin_outer = 47;
  std::string body_font, heading_font, mono_font;
  SourceSpan body_font_at, heading_font_at, mono_font_at;  // where the theme names them
  double body_size = 11, leading = 14, note_size = 9, note_leading = 11.5, code_size = 8;
  double h1_size = 18, h2_size = 14, h3_size = 12, title_size = 26;
  double indent = 13.2;  // first-line indent of a paragraph that follows another
  double expansion = 0.02;  // font expansion allowed in justified lines (0: none)
  bool hyphenate = true;
  bool protrusion = false;  // margin protrusion of punctuation in justified text
  std::string notes = "endnotes";  // or "footnotes", at the foot of the page
  bool cover = false;  // the PDF opens with the cover, the whole first page

  double text_width() const { return page_width - margin_inner - margin_outer; }
  double text_height() const { return page_height - margin_top - margin_bottom; }
};

// The names of the themes built into recto.
const char* const builtin_themes[] = {"trade", "a5", "ereader"};

// Loads a built-in theme by name, or a theme file (a path ending in .yaml, inside the manuscript
// folder). Unknown keys, bad lengths and unknown names are errors at their position.
std::optional<StyleSheet> load_theme(const std::string& name, const std::filesystem::path& manuscript_folder,
                                     Env& env, Diagnostics& diags);

// A length such as "6in", "148mm", "11pt", "1.2em" (of `em`), in points; nullopt when malformed.
std::optional<double> parse_length(const std::string& text, double em);

}  // namespace recto::style
