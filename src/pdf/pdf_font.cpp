// Deriving the embedded font's names, widths, descriptor and ToUnicode map from the face and its
// subset.
#include "pdf_font.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "deflate.hpp"
#include "font_subset.hpp"
#include "subset_memo.hpp"
#include "to_unicode_cmap.hpp"

namespace recto::pdf {

namespace {

constexpr int kFixedPitch = 1, kSymbolic = 4, kItalic = 64;  // FontDescriptor flag bits
constexpr int kRegularStemV = 80, kBoldStemV = 140;          // no font table holds the stem width

// A PDF name of regular characters only, short enough for the tag and "-Identity-H".
std::string postscript_name(const text::FontFace& face) {
  std::string source = face.postscript_name.empty() ? face.family : face.postscript_name;
  std::string name;
  for (char c : source) {
    bool delimiter = std::string_view("()<>[]{}/%#").find(c) != std::string_view::npos;
    if (c > ' ' && c < 0x7F && !delimiter) name += c;
  }
  if (name.empty()) name = "Font";
  return name.substr(0, 96);
}

// Six capital letters from an FNV-1a hash of the name and the glyph set.
std::string subset_tag(const std::string& name, const std::set<std::uint32_t>& glyphs) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  auto mix = [&h](unsigned char byte) { h = (h ^ byte) * 0x100000001b3ull; };
  for (char c : name) mix(static_cast<unsigned char>(c));
  for (std::uint32_t g : glyphs) {
    for (int shift = 0; shift < 32; shift += 8) mix(static_cast<unsigned char>(g >> shift));
  }
  std::string tag;
  for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
  return tag;
}

// The face's subset to the glyphs, from the subset memo when it holds it, else made and kept there.
EmbeddedSubset embedded_subset(const text::FontFace& face, const std::set<std::uint32_t>& glyphs) {
  const SubsetMemo memo(face, glyphs);
  if (std::optional<EmbeddedSubset> kept = memo.load()) return *kept;
  FontSubset made = subset_font(face, glyphs);
  EmbeddedSubset subset{zlib_deflated(made.program), made.program.size(), std::move(made.old_glyph)};
  memo.save(subset);
  return subset;
}

}  // namespace

PdfFont make_pdf_font(const FontUsage& usage) {
  const text::FontFace& face = *usage.face;
  EmbeddedSubset subset = embedded_subset(face, usage.glyphs);
  // The subset's id of each glyph asked for (the subset's ids follow the face's: font_subset.hpp).
  std::unordered_map<std::uint32_t, std::uint32_t> new_glyph;
  for (std::uint32_t n = 0; n < subset.old_glyph.size(); ++n) {
    if (usage.glyphs.count(subset.old_glyph[n])) new_glyph[subset.old_glyph[n]] = n;
  }
  if (new_glyph.size() != usage.glyphs.size()) {
    throw std::runtime_error("pdf: subsetting " + face.path + ": a glyph asked for is not in the subset");
  }
  PdfFont font;
  std::string name = postscript_name(face);
  font.base_font = subset_tag(name, usage.glyphs) + "+" + name;
  font.cff = face.cff;
  font.program = std::move(subset.program);
  font.program_length = subset.program_length;

  const double per_unit = 1000.0 / face.upem;
  auto scaled = [per_unit](int units) { return static_cast<int>(std::lround(units * per_unit)); };
  for (std::uint32_t old_glyph : subset.old_glyph)
    font.widths.push_back(face.advance(old_glyph) * per_unit);

  std::map<std::uint32_t, std::string> code_text;
  for (const auto& [glyph, text] : usage.glyph_text) code_text[new_glyph.at(glyph)] = text;
  font.to_unicode = zlib_deflated(to_unicode_cmap(code_text));

  font.flags = kSymbolic | (face.fixed_pitch ? kFixedPitch : 0) | (face.italic ? kItalic : 0);
  for (int i = 0; i < 4; ++i) font.bbox[i] = scaled(face.bbox[i]);
  font.ascent = scaled(face.ascender);
  font.descent = scaled(face.descender);
  font.cap_height = scaled(face.cap_height ? face.cap_height : face.ascender);
  font.stem_v = face.bold ? kBoldStemV : kRegularStemV;
  font.italic_angle = face.italic_angle;

  std::uint32_t highest = 0;
  for (const auto& [glyph, code] : new_glyph) highest = std::max(highest, glyph);
  font.code.resize(highest + 1);
  font.text.resize(highest + 1);
  for (const auto& [glyph, code] : new_glyph) font.code[glyph] = code;
  for (const auto& [glyph, text] : usage.glyph_text) {
    font.text.at(glyph) = static_cast<std::uint32_t>(font.texts.size());
    font.texts.push_back(text);
  }
  return font;
}

}  // namespace recto::pdf
