// YAML as plain values with source positions; the one wrapper around yaml-cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"
#include "line_index.hpp"

namespace recto {

struct YamlValue {
  enum class Kind { null, scalar, sequence, map };
  struct Entry;  // a key and its value (not a std::pair: clang 14 rejects a pair of an incomplete type)
  Kind kind = Kind::null;
  std::string scalar;
  std::vector<YamlValue> items;                           // sequence
  std::vector<Entry> entries;                              // map, in source order
  std::vector<SourceSpan> key_spans;                       // map: where each key is written
  SourceSpan span;

  const YamlValue* find(std::string_view key) const;
  SourceSpan key_span(std::string_view key) const;
  bool is_scalar() const { return kind == Kind::scalar; }
};

struct YamlValue::Entry {
  std::string key;
  YamlValue value;
};

// Parses YAML whose line numbers are those of `lines` (other lines may be blanked out).
// Malformed YAML and duplicate keys are errors; returns nullopt when nothing could be read.
std::optional<YamlValue> parse_yaml(std::string_view text, const LineIndex& lines, Diagnostics& diags);

}  // namespace recto
