// Converting yaml-cpp nodes into YamlValue, checking what yaml-cpp 0.7 lets through (duplicate keys).
#include "yaml_value.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <sstream>

namespace recto {
namespace {

SourceSpan mark_span(const YAML::Mark& m, const LineIndex& lines) {
  if (m.line < 0) return SourceSpan{lines.file(), 0, 0};
  return lines.at(lines.offset(static_cast<std::uint32_t>(m.line + 1), static_cast<std::uint32_t>(m.column + 1)));
}

YamlValue convert(const YAML::Node& node, const LineIndex& lines, Diagnostics& diags, int depth) {
  YamlValue v;
  v.span = mark_span(node.Mark(), lines);
  if (depth > 64) {
    diags.error(v.span, "yaml-syntax", "YAML nested more than 64 levels deep");
    return v;
  }
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      v.kind = YamlValue::Kind::scalar;
      v.scalar = node.Scalar();
      break;
    case YAML::NodeType::Sequence:
      v.kind = YamlValue::Kind::sequence;
      for (const auto& item : node) v.items.push_back(convert(item, lines, diags, depth + 1));
      break;
    case YAML::NodeType::Map: {
      v.kind = YamlValue::Kind::map;
      std::map<std::string, SourceSpan> seen;
      for (const auto& kv : node) {
        std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
        SourceSpan at = mark_span(kv.first.Mark(), lines);
        if (auto it = seen.find(key); it != seen.end()) {
          diags.error(at, "duplicate-key", "duplicate key '" + key + "'",
                      "the first one is on line " + std::to_string(it->second.line));
          continue;
        }
        seen.emplace(key, at);
        v.key_spans.push_back(at);
        v.entries.push_back({key, convert(kv.second, lines, diags, depth + 1)});
      }
      break;
    }
    default:
      break;
  }
  return v;
}

}  // namespace

const YamlValue* YamlValue::find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k == key) return &v;
  }
  return nullptr;
}

SourceSpan YamlValue::key_span(std::string_view key) const {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].key == key) return key_spans[i];
  }
  return span;
}

std::optional<YamlValue> parse_yaml(std::string_view text, const LineIndex& lines, Diagnostics& diags) {
  try {
    YAML::Node root = YAML::Load(std::string(text));
    return convert(root, lines, diags, 0);
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp's own guard, deeper than ours: "bad file"
    diags.error(mark_span(e.mark, lines), "yaml-syntax", "YAML nested more than 64 levels deep");
  } catch (const YAML::ParserException& e) {
    diags.error(mark_span(e.mark, lines), "yaml-syntax", "malformed YAML: " + e.msg);
  } catch (const YAML::Exception& e) {
    diags.error(mark_span(e.mark, lines), "yaml-syntax", "malformed YAML: " + e.msg);
  }
  return std::nullopt;
}

}  // namespace recto
