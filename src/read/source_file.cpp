// Reading source files safely and separating front matter from Markdown.
#include "source_file.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>

#include "byte_size.hpp"
#include "input_limits.hpp"
#include "line_index.hpp"
#include "utf8.hpp"

namespace recto {
namespace {

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

// A character XML 1.0 cannot hold: C0 controls but tab, line feed and carriage return, and the
// noncharacters U+FFFE and U+FFFF.
std::size_t xml_forbidden_length(const std::string& text, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return 1;
  if (c == 0xEF && text.compare(i, 2, "\xEF\xBF") == 0 && i + 2 < text.size() &&
      (static_cast<unsigned char>(text[i + 2]) == 0xBE || static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
    return 3;
  }
  return 0;
}

// Whether none of the eight bytes at p can start a character XML cannot hold: none is a control
// byte (below 0x20) or the lead byte of U+FFFE and U+FFFF (0xEF). A byte below 0x20 sets its top
// bit in `controls`, a 0xEF (0 once xor-ed) in the other mask; a borrow into the next byte starts
// only at such a byte, so the test is exact.
bool plain_word(const char* p) {
  constexpr std::uint64_t ones = 0x0101010101010101, tops = 0x8080808080808080;
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  const std::uint64_t controls = (word - ones * 0x20) & ~word & tops;
  const std::uint64_t ef = word ^ (ones * 0xEF);
  return (controls | ((ef - ones) & ~ef & tops)) == 0;
}

// Leaves out what XML cannot hold, with a warning at each: the book stays valid.
void drop_xml_forbidden(SourceFile& file, Diagnostics& diags) {
  // Words of plain bytes, most of a manuscript, are passed eight bytes at a time.
  std::size_t i = 0;
  while (i < file.text.size()) {
    if (i + 8 <= file.text.size() && plain_word(file.text.data() + i)) {
      i += 8;
    } else if (xml_forbidden_length(file.text, i) == 0) {
      ++i;
    } else {
      break;
    }
  }
  if (i == file.text.size()) return;
  LineIndex lines(file.id, file.text);
  std::string kept;
  kept.reserve(file.text.size());
  for (i = 0; i < file.text.size();) {
    if (std::size_t n = xml_forbidden_length(file.text, i)) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", n == 1 ? static_cast<unsigned char>(file.text[i])
                                                        : 0xFFFE + (file.text[i + 2] == '\xBF' ? 1 : 0));
      diags.warning(lines.at(i), "control-character",
                    std::string("character ") + code + " cannot be written in XML: it is left out",
                    "delete it from the file");
      i += n;
    } else {
      kept += file.text[i++];
    }
  }
  file.text = std::move(kept);
}

}  // namespace

std::optional<SourceFile> load_source(const std::filesystem::path& path, Env& env, Diagnostics& diags) {
  auto size = env.file_size(path);
  if (size && *size + env.text_bytes_read > max_text_bytes) {
    SourceFile file;  // empty: the file is not read at all
    file.id = env.sources.add(path.lexically_normal().string());
    const std::string limit = megabytes(max_text_bytes);
    if (*size > max_text_bytes) {
      diags.error({file.id, 0, 0}, "input-limit",
                  "the file is " + megabytes(*size) + ", more than the " + limit + " recto reads: it is not read",
                  "split the book into books of at most " + limit);
    } else {
      diags.error({file.id, 0, 0}, "input-limit",
                  "with this file of " + megabytes(*size) + " the manuscript is more than the " + limit +
                      " recto reads: it is not read",
                  "split the book into books of at most " + limit);
    }
    return file;
  }
  if (size) env.text_bytes_read += *size;
  auto bytes = env.read_file(path);
  if (!bytes) return std::nullopt;
  SourceFile file;
  file.id = env.sources.add(path.lexically_normal().string());
  std::string& raw = *bytes;
  if (raw.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    raw.erase(0, 3);
    diags.warning({file.id, 1, 1}, "byte-order-mark", "the file starts with a byte order mark: it is ignored",
                  "save the file as UTF-8 without a BOM");
  }
  if (utf8::first_invalid(raw) == std::string::npos) {
    file.text = std::move(raw);
    drop_xml_forbidden(file, diags);
    return file;
  }
  LineIndex lines(file.id, raw);
  file.text.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    std::size_t n = utf8::sequence_length(raw, i);
    if (n == 0) {
      diags.error(lines.at(i), "invalid-utf8",
                  "invalid UTF-8: byte " + hex_byte(static_cast<unsigned char>(raw[i])),
                  "save the file as UTF-8");
      file.text += "\uFFFD";
      ++i;
    } else {
      file.text.append(raw, i, n);
      i += n;
    }
  }
  drop_xml_forbidden(file, diags);
  return file;
}

FrontMatter split_front_matter(const std::string& text) {
  FrontMatter fm;
  auto line_end = [&](std::size_t from) {
    std::size_t e = text.find('\n', from);
    return e == std::string::npos ? text.size() : e;
  };
  auto strip_cr = [](std::string_view s) {
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    return s;
  };
  std::size_t first_end = line_end(0);
  if (strip_cr(std::string_view(text).substr(0, first_end)) != "---") {
    fm.markdown = text;
    return fm;
  }
  for (std::size_t pos = first_end + 1; pos < text.size();) {
    std::size_t end = line_end(pos);
    std::string_view line = strip_cr(std::string_view(text).substr(pos, end - pos));
    if (line == "---" || line == "...") {
      std::string blanks_before;
      for (char c : std::string_view(text).substr(0, end)) {
        if (c == '\n') blanks_before += '\n';
      }
      fm.yaml = "\n" + text.substr(first_end + 1, pos - first_end - 1);
      fm.markdown = blanks_before + text.substr(end);
      return fm;
    }
    pos = end + 1;
  }
  fm.markdown = text;  // no closing line: not a metadata block
  return fm;
}

}  // namespace recto
