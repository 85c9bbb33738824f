// The fenced-div pre-pass over lines and the gathering pass over the parsed blocks.
#include "fenced_divs.hpp"
#include "input_limits.hpp"

#include <vector>

#include "attributes.hpp"
#include "tree_walk.hpp"

namespace recto {
namespace {

// Markers keep the fence line as written, so that one that lands in an indented code block is restored.
constexpr std::string_view kOpen = "<!--recto:div ";
constexpr std::string_view kClose = "<!--recto:/div ";
constexpr std::string_view kEnd = "-->";

// Length of the container prefix of a line: indentation and `>` markers.
std::size_t prefix_length(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') {
      ++i;
    } else if (line[i] == '>') {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

struct CodeFence {
  char ch = 0;
  std::size_t length = 0;
};

// A code fence line (``` or ~~~, three or more): its character and length.
CodeFence code_fence(std::string_view body) {
  if (body.empty() || (body[0] != '`' && body[0] != '~')) return {};
  std::size_t n = 0;
  while (n < body.size() && body[n] == body[0]) ++n;
  if (n < 3) return {};
  return {body[0], n};
}

bool starts(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The fence line inside a marker ("::: {.note}"), and its attribute text ("{.note}").
// The text of the manuscript may hold what looks like a marker (a raw "<!--recto:div x" block): what
// is not there is not removed.
std::string_view marker_fence(std::string_view marker, std::string_view kind) {
  if (starts(marker, kind)) marker.remove_prefix(kind.size());
  if (marker.size() >= kEnd.size() && marker.substr(marker.size() - kEnd.size()) == kEnd) {
    marker.remove_suffix(kEnd.size());
  }
  return marker;
}

}  // namespace

std::optional<std::string> rewrite_div_fences(std::string_view text, const LineIndex& original, Diagnostics& diags) {
  std::string out;
  out.reserve(text.size() + 64);
  std::vector<std::size_t> open_lines;  // byte offsets (in the original) of unclosed opening fences
  CodeFence in_code;
  std::size_t line_no = 0;
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    std::size_t prefix = prefix_length(line);
    std::string_view body = line.substr(prefix);
    std::string replacement;
    bool replaced = false;

    if (in_code.ch) {
      CodeFence f = code_fence(body);
      if (f.ch == in_code.ch && f.length >= in_code.length && trim(body.substr(f.length)).empty()) in_code = {};
    } else if (CodeFence f = code_fence(body); f.ch) {
      in_code = f;
    } else if (body.size() >= 3 && body.substr(0, 3) == ":::") {
      std::size_t colons = 0;
      while (colons < body.size() && body[colons] == ':') ++colons;
      std::string_view rest = trim(body.substr(colons));
      while (!rest.empty() && rest.back() == ':') rest.remove_suffix(1);
      rest = trim(rest);
      if (rest.empty()) {
        if (!open_lines.empty()) {
          open_lines.pop_back();
          replacement = std::string(kClose) + std::string(trim(body)) + std::string(kEnd);
          replaced = true;
        }
      } else if (rest.front() == '{' ? parse_attributes(rest).has_value()
                                     : rest.find_first_of(" \t{}") == std::string_view::npos) {
        if (open_lines.size() == static_cast<std::size_t>(max_nesting)) {
          diags.error({original.file(), static_cast<std::uint32_t>(line_no + 1), 1}, "input-limit",
                      "fenced divs nested more than " + std::to_string(max_nesting) +
                          " deep: the chapter is not read",
                      "nest divs less deeply");
          return std::nullopt;
        }
        open_lines.push_back(original.offset(static_cast<std::uint32_t>(line_no + 1), 1) + prefix);
        replacement = std::string(kOpen) + std::string(trim(body)) + std::string(kEnd);
        replaced = true;
      }
    }
    out += line.substr(0, prefix);
    out += replaced ? std::string_view(replacement) : body;
    if (end < text.size()) out += '\n';
    pos = end + 1;
    ++line_no;
  }
  for (std::size_t offset : open_lines) {
    diags.error(original.at(offset), "unclosed-div", "fenced div is never closed",
                "close it with a line of three colons (:::)");
  }
  return out;
}

namespace {

Attr div_attr(std::string_view marker) {
  std::string_view inner = marker_fence(marker, kOpen);
  while (!inner.empty() && inner.front() == ':') inner.remove_prefix(1);
  while (!inner.empty() && inner.back() == ':') inner.remove_suffix(1);
  inner = trim(inner);
  if (!inner.empty() && inner.front() == '{') return parse_attributes(inner).value_or(Attr{});
  Attr attr;
  attr.classes.emplace_back(inner);
  return attr;
}

// Gathers one sequence; returns at a closing marker (consumed) or at the end.
Blocks gather(Blocks& in, std::size_t& i) {
  Blocks out;
  while (i < in.size()) {
    Block& b = in[i];
    if (auto* raw = std::get_if<RawBlock>(&b.node)) {
      if (starts(raw->text, kClose)) {
        ++i;
        return out;
      }
      if (starts(raw->text, kOpen)) {
        Block div{Div{div_attr(raw->text), {}}, b.span};
        ++i;
        std::get<Div>(div.node).content = gather(in, i);
        out.push_back(std::move(div));
        continue;
      }
    }
    out.push_back(std::move(b));
    ++i;
  }
  return out;
}

void gather_all(Blocks& blocks) {
  std::size_t i = 0;
  Blocks result;
  while (i < blocks.size()) {
    Blocks part = gather(blocks, i);  // a stray closing marker ends a part; keep going
    for (auto& b : part) result.push_back(std::move(b));
  }
  for (auto& b : result) for_each_child(b, gather_all, [](Inlines&) {});
  blocks = std::move(result);
}

}  // namespace

// A fence line that cmark-gfm read as part of an indented code block goes back to how it was written.
void restore_fences_in_code(Blocks& blocks) {
  walk_blocks(blocks, [](Block& b) {
    auto* code = std::get_if<CodeBlock>(&b.node);
    if (!code || code->text.find("<!--recto:") == std::string::npos) return;
    std::string out;
    std::string_view text = code->text;
    while (!text.empty()) {
      std::size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      std::size_t at = line.find("<!--recto:");
      const std::string_view from = at == std::string_view::npos ? std::string_view() : line.substr(at);
      const bool marker_line = (starts(from, kOpen) || starts(from, kClose)) && from.size() > kEnd.size() &&
                               from.substr(from.size() - kEnd.size()) == kEnd;
      if (marker_line) {
        out += line.substr(0, at);
        out += marker_fence(from, starts(from, kOpen) ? kOpen : kClose);
      } else {
        out += line;
      }
      if (end == std::string_view::npos) break;
      out += '\n';
      text.remove_prefix(end + 1);
    }
    code->text = std::move(out);
  });
}

void gather_divs(Blocks& blocks) {
  restore_fences_in_code(blocks);
  gather_all(blocks);
  walk_inline_lists(blocks, [](Inlines& xs) {
    for (Inline& x : xs) {
      if (auto* n = std::get_if<Note>(&x.node)) gather_all(n->content);
    }
  });
}

}  // namespace recto
