// Writing a glyph run as TJ arrays, with positions tracked in the units the viewer computes in.
#include "glyph_run_operators.hpp"

#include <algorithm>
#include <cmath>

#include "pdf_syntax.hpp"

namespace recto::pdf {

namespace {

constexpr int kAdjustmentDecimals = 2;  // 1/100 000 em
// Smaller corrections of the pen wait until they add up to this (1/10 000 em, a thousandth of a
// point at 10 pt): the residue of rounding Tz would otherwise put a number between most glyphs.
constexpr double kLeastAdjustment = 0.1;
// Room made at once for a run's operators: its font, size and place, then two bytes a glyph and an
// adjustment every few glyphs (at spaces and kerns), so that most runs grow their string no more.
constexpr std::size_t kRoomBeforeGlyphs = 64, kRoomPerGlyph = 4;

// Builds the TJ arrays of one text object, merging consecutive codes into one literal string of
// two bytes a code: half the bytes of a hex string, for the compressor and the file. Codes and
// adjustments are written straight into room made ahead in the string (a book sets millions of
// glyphs); finish() cuts it to what was written.
class TextShow {
 public:
  // Writes after what `out` has, with room for `expected` bytes made at once.
  TextShow(std::string& out, std::size_t expected) : out_(out), at_(out.size()) { out_.resize(at_ + expected); }
  void code(std::uint32_t c) {
    char* p = room(8);
    if (!in_array_) *p++ = '[';
    if (!in_string_) *p++ = '(';
    in_array_ = in_string_ = true;
    p = byte(p, static_cast<char>(c >> 8 & 0xff));
    p = byte(p, static_cast<char>(c & 0xff));
    at_ = static_cast<std::size_t>(p - out_.data());
  }
  void adjustment(double thousandths) {
    char number[kNumberRoom];
    const std::string_view digits = format_pdf_number(number, thousandths, kAdjustmentDecimals);
    char* p = room(digits.size() + 3);
    if (!in_array_) *p++ = '[';
    if (in_string_) *p++ = ')';
    if (p[-1] != '[') *p++ = ' ';
    in_array_ = true;
    in_string_ = false;
    p = std::copy(digits.begin(), digits.end(), p);
    at_ = static_cast<std::size_t>(p - out_.data());
  }
  void begin_actual_text(std::string_view text) {
    close_array();
    write("/Span<</ActualText<FEFF" + utf16be_hex(text) + ">>>BDC\n");
  }
  void end_actual_text() {
    close_array();
    write("EMC\n");
  }
  void close_array() {
    if (!in_array_) return;
    if (in_string_) write(")");
    write("]TJ\n");
    in_array_ = in_string_ = false;
  }
  void finish() {
    close_array();
    out_.resize(at_);
  }

 private:
  // At least n bytes of room at the end of what is written.
  char* room(std::size_t n) {
    if (out_.size() < at_ + n) out_.resize(std::max(2 * out_.size(), at_ + n));
    return out_.data() + at_;
  }
  void write(std::string_view s) {
    std::copy(s.begin(), s.end(), room(s.size()));
    at_ += s.size();
  }
  // Parentheses and backslashes are escaped; so is a carriage return, which a literal string would
  // read as a line feed.
  static char* byte(char* p, char b) {
    if (b == '(' || b == ')' || b == '\\') {
      *p++ = '\\';
    } else if (b == '\r') {
      *p++ = '\\';
      b = 'r';
    }
    *p++ = b;
    return p;
  }
  std::string& out_;
  std::size_t at_;  // the end of what is written
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
  std::string out;
  out.reserve(kRoomBeforeGlyphs + run.glyphs.size() * kRoomPerGlyph);
  out += "BT\n/";
  out += resource.name;
  out += " " + pdf_number(size) + " Tf\n";
  if (scale != 1) out += pdf_number(scale * 100, kAdjustmentDecimals) + " Tz\n";
  out += pdf_number(start) + " " + pdf_number(run.y) + " Td\n";
  TextShow show(out, run.glyphs.size() * kRoomPerGlyph);
  double pen = 0;  // where the viewer's pen is, in 1/1000 em from `start`
  bool in_span = false;
  for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
    const std::uint32_t glyph = run.glyphs[i].id;
    const std::string_view text = run.text_of(i);
    const bool needs_span = !same_text(text, font.texts[font.text.at(glyph)]);
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
  show.finish();
  out += scale != 1 ? "ET\n100 Tz\n" : "ET\n";
  return out;
}

}  // namespace recto::pdf
