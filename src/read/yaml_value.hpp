// YAML as plain values with source positions; the one wrapper around yaml-cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostics.hpp"
#include "line_index.hpp"

namespace recto {

struct YamlValue {
  enum class Kind { null, scalar, sequence, map };
  Kind kind = Kind::null;
  std::string scalar;
  std::vector<YamlValue> items;                           // sequence
  std::vector<std::pair<std::string, YamlValue>> entries;  // map, in source order
  std::vector<SourceSpan> key_spans;                       // map: where each key is written
  SourceSpan span;

  const YamlValue* find(std::string_view key) const;
  SourceSpan key_span(std::string_view key) const;
  bool is_scalar() const { return kind == Kind::scalar; }
};

// Parses YAML whose line numbers are those of `lines` (other lines may be blanked out).
// Malformed YAML and duplicate keys are errors; returns nullopt when nothing could be read.
std::optional<YamlValue> parse_yaml(std::string_view text, const LineIndex& lines, Diagnostics& diags);

}  // namespace recto
