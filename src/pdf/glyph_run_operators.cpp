// Writing a glyph run as TJ arrays, with positions tracked in the units the viewer computes in.
#include "glyph_run_operators.hpp"

#include <cmath>

#include "pdf_syntax.hpp"

namespace recto::pdf {

namespace {

constexpr int kAdjustmentDecimals = 2;  // 1/100 000 em
// Smaller corrections of the pen wait until they add up to this (1/10 000 em, a thousandth of a
// point at 10 pt): the residue of rounding Tz would otherwise put a number between most glyphs.
constexpr double kLeastAdjustment = 0.1;

// Builds the TJ arrays of one text object, merging consecutive codes into one literal string of
// two bytes a code: half the bytes of a hex string, for the compressor and the file.
class TextShow {
 public:
  explicit TextShow(std::string& out) : out_(out) {}
  void code(std::uint32_t c) {
    if (!in_array_) open_array();
    if (!in_string_) out_ += '(';
    in_string_ = true;
    byte(static_cast<char>(c >> 8 & 0xff));
    byte(static_cast<char>(c & 0xff));
  }
  void adjustment(double thousandths) {
    if (!in_array_) open_array();
    close_string();
    if (out_.back() != '[') out_ += ' ';
    out_ += pdf_number(thousandths, kAdjustmentDecimals);
  }
  void begin_actual_text(std::string_view text) {
    close_array();
    out_ += "/Span<</ActualText<FEFF" + utf16be_hex(text) + ">>>BDC\n";
  }
  void end_actual_text() {
    close_array();
    out_ += "EMC\n";
  }
  void close_array() {
    if (!in_array_) return;
    close_string();
    out_ += "]TJ\n";
    in_array_ = false;
  }

 private:
  void open_array() {
    out_ += '[';
    in_array_ = true;
  }
  // Parentheses and backslashes are escaped; so is a carriage return, which a literal string would
  // read as a line feed.
  void byte(char b) {
    if (b == '(' || b == ')' || b == '\\') {
      out_ += '\\';
    } else if (b == '\r') {
      out_ += "\\r";
      return;
    }
    out_ += b;
  }
  void close_string() {
    if (in_string_) out_ += ')';
    in_string_ = false;
  }
  std::string& out_;
  bool in_array_ = false, in_string_ = false;
};

}  // namespace

std::string glyph_run_operators(const typeset::GlyphRun& run, const FontResource& resource) {
  if (run.glyphs.empty()) return {};
  const PdfFont& font = *resource.font;
  const double size = rounded(run.size);
  const double start = run.x + run.glyphs.front().x;
  // Font expansion: Tz scales advances and adjustments alike, so the pen is tracked unscaled.
  const double scale = rounded(run.expansion * 100, kAdjustmentDecimals) / 100;
  std::string out = "BT\n/" + resource.name + " " + pdf_number(size) + " Tf\n" +
                    (scale != 1 ? pdf_number(scale * 100, kAdjustmentDecimals) + " Tz\n" : "") + pdf_number(start) +
                    " " + pdf_number(run.y) + " Td\n";
  TextShow show(out);
  double pen = 0;  // where the viewer's pen is, in 1/1000 em from `start`
  bool in_span = false;
  for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
    const std::uint32_t glyph = run.glyphs[i].id;
    const std::string_view text = run.text_of(i);
    const bool needs_span = text != font.text.at(glyph);
    if (in_span && (!needs_span || !text.empty())) {
      show.end_actual_text();
      in_span = false;
    }
    if (needs_span && !in_span) {
      show.begin_actual_text(text);
      in_span = true;
    }
    const double wanted = (run.x + run.glyphs[i].x - start) * 1000 / (size * scale);
    const double adjustment = rounded(pen - wanted, kAdjustmentDecimals);
    if (std::abs(adjustment) >= kLeastAdjustment) {
      show.adjustment(adjustment);
      pen -= adjustment;
    }
    const std::uint32_t code = font.code[glyph];
    show.code(code);
    pen += (*resource.widths)[code];
  }
  if (in_span) show.end_actual_text();
  show.close_array();
  out += scale != 1 ? "ET\n100 Tz\n" : "ET\n";
  return out;
}

}  // namespace recto::pdf
