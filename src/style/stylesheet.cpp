// Reading a theme's YAML into a StyleSheet, with an error at the position of anything wrong.
#include "stylesheet.hpp"

#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <mutex>
#include <string_view>
#include <utility>

#include "line_index.hpp"
#include "nearest.hpp"
#include "paths.hpp"
#include "themes.hpp"
#include "yaml_value.hpp"

namespace recto::style {

namespace {

constexpr double kLongest = 14400;  // points: PDF's largest page, 200 in
constexpr double kSmallestSize = 1, kLargestSize = 1000;

struct Reader {
  Diagnostics& diags;
  bool ok = true;

  void unknown_key(const YamlValue& map, std::size_t i, const std::vector<std::string>& known) {
    const std::string& key = map.entries[i].key;
    std::string guess = nearest(key, known);
    diags.error(map.key_spans[i], "theme-key", "unknown theme key '" + key + "'",
                guess.empty() ? "" : "did you mean '" + guess + "'?");
    ok = false;
  }

  // Calls the handler of each key of a map section; unknown keys are errors.
  void section(const YamlValue& map, const std::map<std::string, std::function<void(const YamlValue&)>>& handlers) {
    if (map.kind != YamlValue::Kind::map) {
      diags.error(map.span, "theme-type", "expected a map of settings");
      ok = false;
      return;
    }
    std::vector<std::string> known;
    for (const auto& [k, h] : handlers) known.push_back(k);
    for (std::size_t i = 0; i < map.entries.size(); ++i) {
      auto it = handlers.find(map.entries[i].key);
      if (it == handlers.end()) unknown_key(map, i, known);
      else it->second(map.entries[i].value);
    }
  }

  // A length from 0 to PDF's largest page; a type size or leading (`size`) from 1pt to 1000pt. Beyond
  // them, text and pages could not be set or written.
  std::function<void(const YamlValue&)> length(double& out, const double& em, bool size = false) {
    return [this, &out, &em, size](const YamlValue& v) {
      auto value = v.is_scalar() ? parse_length(v.scalar, em) : std::nullopt;
      if (!value || !std::isfinite(*value) || *value < 0) {
        diags.error(v.span, "theme-length", "expected a length such as 11pt, 6in, 148mm or 1.2em");
        ok = false;
      } else if (size && (*value < kSmallestSize || *value > kLargestSize)) {
        diags.error(v.span, "theme-length", "a type size or leading is from 1pt to 1000pt");
        ok = false;
      } else if (*value > kLongest) {
        diags.error(v.span, "theme-length", "a length is at most 14400pt (200in, the largest page of a PDF)");
        ok = false;
      } else {
        out = *value;
      }
    };
  }

  // A share written as a percentage ("2%") or a number ("0.02"), at most `limit`.
  std::function<void(const YamlValue&)> fraction(double& out, double limit) {
    return [this, &out, limit](const YamlValue& v) {
      char* end = nullptr;
      double value = v.is_scalar() ? std::strtod(v.scalar.c_str(), &end) : -1;
      if (end && std::string(end) == "%") value /= 100;
      else if (!end || *end) value = -1;
      if (value < 0 || value > limit) {
        diags.error(v.span, "theme-value", "expected a share from 0% to " + std::to_string(int(limit * 100)) + "%");
        ok = false;
        return;
      }
      out = value;
    };
  }

  std::function<void(const YamlValue&)> flag(bool& out) {
    return [this, &out](const YamlValue& v) {
      if (!v.is_scalar() || (v.scalar != "true" && v.scalar != "false")) {
        diags.error(v.span, "theme-value", "expected true or false");
        ok = false;
        return;
      }
      out = v.scalar == "true";
    };
  }

  std::function<void(const YamlValue&)> text(std::string& out, SourceSpan* at = nullptr) {
    return [this, &out, at](const YamlValue& v) {
      if (at) *at = v.span;
      if (!v.is_scalar() || v.scalar.empty()) {
        diags.error(v.span, "theme-type", "expected a name");
        ok = false;
        return;
      }
      out = v.scalar;
    };
  }
};

}  // namespace

std::optional<double> parse_length(const std::string& text, double em) {
  char* end = nullptr;
  double number = std::strtod(text.c_str(), &end);
  if (end == text.c_str()) return std::nullopt;
  std::string unit(end);
  static const std::map<std::string, double> points = {{"pt", 1.0}, {"in", 72.0}, {"mm", 72.0 / 25.4},
                                                       {"cm", 72.0 / 2.54}};
  if (unit == "em") return number * em;
  auto it = points.find(unit);
  if (it == points.end()) return std::nullopt;
  return number * it->second;
}

namespace {

// The theme's text, read as the file `id`.
std::optional<StyleSheet> read_theme(const std::string& name, std::string_view text, FileId id, Diagnostics& diags) {
  LineIndex lines(id, text);
  auto yaml = parse_yaml(text, lines, diags);
  if (!yaml) return std::nullopt;

  StyleSheet s;
  s.name = name;
  double text_width = -1;
  const double no_em = 0;
  Reader r{diags};
  double em = s.body_size;
  // Sizes first, so that lengths in em anywhere mean the body size.
  if (const YamlValue* sizes = yaml->find("sizes")) {
    r.section(*sizes, {{"body", r.length(s.body_size, no_em, true)},
                       {"leading", r.length(s.leading, no_em, true)},
                       {"note", r.length(s.note_size, no_em, true)},
                       {"note-leading", r.length(s.note_leading, no_em, true)},
                       {"code", r.length(s.code_size, no_em, true)},
                       {"h1", r.length(s.h1_size, no_em, true)},
                       {"h2", r.length(s.h2_size, no_em, true)},
                       {"h3", r.length(s.h3_size, no_em, true)},
                       {"title", r.length(s.title_size, no_em, true)}});
    em = s.body_size;
  }
  r.section(*yaml, {
      {"sizes", [](const YamlValue&) {}},
      {"page", [&](const YamlValue& v) {
         r.section(v, {{"width", r.length(s.page_width, em)}, {"height", r.length(s.page_height, em)}});
       }},
      {"margins", [&](const YamlValue& v) {
         r.section(v, {{"top", r.length(s.margin_top, em)},
                       {"bottom", r.length(s.margin_bottom, em)},
                       {"inner", r.length(s.margin_inner, em)},
                       {"outer", r.length(s.margin_outer, em)},
                       {"text-width", r.length(text_width, em)}});
       }},
      {"fonts", [&](const YamlValue& v) {
         r.section(v, {{"body", r.text(s.body_font, &s.body_font_at)},
                       {"heading", r.text(s.heading_font, &s.heading_font_at)},
                       {"mono", r.text(s.mono_font, &s.mono_font_at)}});
       }},
      {"paragraph", [&](const YamlValue& v) {
         r.section(v, {{"indent", r.length(s.indent, em)},
                       {"expansion", r.fraction(s.expansion, 0.05)},
                       {"hyphenate", r.flag(s.hyphenate)},
                       {"protrusion", r.flag(s.protrusion)}});
       }},
      {"cover", r.flag(s.cover)},
      {"notes", [&](const YamlValue& v) {
         r.text(s.notes)(v);
         if (s.notes != "endnotes" && s.notes != "footnotes") {
           diags.error(v.span, "theme-value", "notes: is 'footnotes' (at the foot of the page) or 'endnotes'");
           r.ok = false;
         }
       }},
  });
  if (text_width > 0) s.margin_outer = s.page_width - s.margin_inner - text_width;
  if (s.margin_outer < 0) {
    diags.error(yaml->span, "theme-value", "the text is wider than the page less its inner margin");
    r.ok = false;
  }
  if (s.body_font.empty()) diags.error(yaml->span, "theme-value", "the theme names no body font (fonts: body:)");
  if (s.heading_font.empty()) s.heading_font = s.body_font, s.heading_font_at = s.body_font_at;
  if (s.mono_font.empty()) s.mono_font = "DejaVu Sans Mono";
  if (s.text_width() < 36 || s.text_height() < 36) {
    diags.error(yaml->span, "theme-value", "the margins leave less than half an inch of text");
    r.ok = false;
  }
  if (!r.ok || s.body_font.empty()) return std::nullopt;
  return s;
}

// A built-in theme, read once per process and given the file id of each later reading: reading a
// theme's YAML takes a million instructions, and the fonts' thread reads the book's theme to find
// its fonts before the typesetting reads it.
std::optional<StyleSheet> read_builtin_theme(const std::string& name, std::string_view text, FileId id,
                                             Diagnostics& diags) {
  static std::mutex mutex;
  static std::map<std::string, std::pair<StyleSheet, FileId>> read;  // the sheet, the id it was read as
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (auto known = read.find(name); known != read.end()) {
      StyleSheet sheet = known->second.first;
      for (SourceSpan* at : {&sheet.body_font_at, &sheet.heading_font_at, &sheet.mono_font_at}) {
        if (at->file == known->second.second) at->file = id;
      }
      return sheet;
    }
  }
  Diagnostics own;
  std::optional<StyleSheet> sheet = read_theme(name, text, id, own);
  diags.append(own);
  if (sheet && own.all().empty()) {
    std::lock_guard<std::mutex> lock(mutex);
    read.try_emplace(name, *sheet, id);
  }
  return sheet;
}

}  // namespace

std::optional<StyleSheet> load_theme(const std::string& name, const std::filesystem::path& folder, Env& env,
                                     Diagnostics& diags) {
  if (std::string_view builtin = builtin_theme_text(name); !builtin.empty()) {
    return read_builtin_theme(name, builtin, env.sources.add("styles/" + name + ".yaml"), diags);
  }
  std::string text;
  std::string path;
  if (name.size() > 5 && name.substr(name.size() - 5) == ".yaml") {
    if (!stays_inside(folder, name)) {
      diags.error({}, "path-outside", "theme '" + name + "' is outside the manuscript folder");
      return std::nullopt;
    }
    auto file = env.read_file(folder / name);
    if (!file) {
      diags.error({}, "missing-theme", "theme file '" + name + "' not found");
      return std::nullopt;
    }
    text = *file;
    path = (folder / name).string();
  } else {
    std::vector<std::string> names(std::begin(builtin_themes), std::end(builtin_themes));
    std::string guess = nearest(name, names);
    diags.error({}, "unknown-theme", "unknown theme '" + name + "' (built in: trade, a5, ereader)",
                guess.empty() ? "or name a .yaml theme file in the manuscript" : "did you mean '" + guess + "'?");
    return std::nullopt;
  }
  return read_theme(name, text, env.sources.add(path), diags);
}

}  // namespace recto::style
