// Reading source files safely and separating front matter from Markdown.
#include "source_file.hpp"

#include <cstdio>

#include "line_index.hpp"
#include "utf8.hpp"

namespace recto {
namespace {

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

}  // namespace

std::optional<SourceFile> load_source(const std::filesystem::path& path, Env& env, Diagnostics& diags) {
  auto bytes = env.read_file(path);
  if (!bytes) return std::nullopt;
  SourceFile file;
  file.id = env.sources.add(path.lexically_normal().string());
  std::string& raw = *bytes;
  if (raw.compare(0, 3, "\xEF\xBB\xBF") == 0) raw.erase(0, 3);
  if (utf8::first_invalid(raw) == std::string::npos) {
    file.text = std::move(raw);
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
