// Collecting and printing diagnostics in the compiler form.
#include "diagnostics.hpp"

#include <algorithm>

#include "string_escape.hpp"

namespace recto {

void Diagnostics::error(SourceSpan at, std::string code, std::string message, std::string hint) {
  items_.push_back({Severity::error, at, std::move(message), std::move(code), std::move(hint)});
}

void Diagnostics::warning(SourceSpan at, std::string code, std::string message, std::string hint) {
  items_.push_back({Severity::warning, at, std::move(message), std::move(code), std::move(hint)});
}

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

void Diagnostics::promote_warnings() {
  for (auto& d : items_) d.severity = Severity::error;
}

std::string format_diagnostic(const Diagnostic& d, const Sources& sources) {
  std::string out;
  const std::string& file = sources.path(d.at.file);
  if (!file.empty()) {
    out += file;
    out += ':';
    if (d.at.line > 0) {
      out += std::to_string(d.at.line) + ':' + std::to_string(d.at.col) + ':';
    }
    out += ' ';
  } else {
    out += "recto: ";
  }
  out += d.severity == Severity::error ? "error: " : "warning: ";
  out += d.message;
  if (!d.code.empty()) out += " [" + d.code + "]";
  if (!d.hint.empty()) out += "\n  hint: " + d.hint;
  return out;
}

namespace {

std::string json_diagnostic(const Diagnostic& d, const Sources& sources) {
  auto field = [](const char* name, const std::string& value) {
    return std::string("\"") + name + "\": \"" + escaped(value, true) + "\"";
  };
  return "{" + field("file", sources.path(d.at.file)) + ", \"line\": " + std::to_string(d.at.line) +
         ", \"column\": " + std::to_string(d.at.col) + ", " +
         field("severity", d.severity == Severity::error ? "error" : "warning") + ", " + field("code", d.code) + ", " +
         field("message", d.message) + ", " + field("hint", d.hint) + "}";
}

// GitHub's workflow commands escape %, CR and LF everywhere, and also ':' and ',' in properties.
std::string github_escaped(const std::string& s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string github_diagnostic(const Diagnostic& d, const Sources& sources) {
  std::string out = d.severity == Severity::error ? "::error" : "::warning";
  std::vector<std::string> properties;
  if (!sources.path(d.at.file).empty()) properties.push_back("file=" + github_escaped(sources.path(d.at.file), true));
  if (d.at.line > 0) {
    properties.push_back("line=" + std::to_string(d.at.line));
    properties.push_back("col=" + std::to_string(d.at.col));
  }
  if (!d.code.empty()) properties.push_back("title=" + github_escaped("recto " + d.code, true));
  for (std::size_t i = 0; i < properties.size(); ++i) out += (i == 0 ? " " : ",") + properties[i];
  return out + "::" + github_escaped(d.message + (d.hint.empty() ? "" : "\nhint: " + d.hint), false);
}

}  // namespace

void Diagnostics::print(std::ostream& out, const Sources& sources, DiagnosticStyle style) const {
  std::vector<const Diagnostic*> sorted;
  for (const auto& d : items_) sorted.push_back(&d);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic* a, const Diagnostic* b) {
    if (a->at.file != b->at.file) return a->at.file < b->at.file;
    if (a->at.line != b->at.line) return a->at.line < b->at.line;
    return a->at.col < b->at.col;
  });
  // The same problem found by two writers (a missing image, by the EPUB and the PDF) is told once.
  std::vector<std::string> lines;
  for (const Diagnostic* d : sorted) {
    std::string line = style == DiagnosticStyle::json     ? json_diagnostic(*d, sources)
                       : style == DiagnosticStyle::github ? github_diagnostic(*d, sources)
                                                          : format_diagnostic(*d, sources);
    if (lines.empty() || line != lines.back()) lines.push_back(std::move(line));
  }
  if (style == DiagnosticStyle::json) {
    out << "[";
    for (std::size_t i = 0; i < lines.size(); ++i) out << (i == 0 ? "\n  " : ",\n  ") << lines[i];
    out << (lines.empty() ? "]\n" : "\n]\n");
    return;
  }
  for (const std::string& line : lines) out << line << '\n';
}

}  // namespace recto
