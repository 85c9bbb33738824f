// Collecting and printing diagnostics in the compiler form.
#include "diagnostics.hpp"

#include <algorithm>

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

void Diagnostics::print(std::ostream& out, const Sources& sources) const {
  std::vector<const Diagnostic*> sorted;
  for (const auto& d : items_) sorted.push_back(&d);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic* a, const Diagnostic* b) {
    if (a->at.file != b->at.file) return a->at.file < b->at.file;
    if (a->at.line != b->at.line) return a->at.line < b->at.line;
    return a->at.col < b->at.col;
  });
  // The same problem found by two writers (a missing image, by the EPUB and the PDF) is told once.
  std::string previous;
  for (const Diagnostic* d : sorted) {
    std::string line = format_diagnostic(*d, sources);
    if (line != previous) out << line << '\n';
    previous = std::move(line);
  }
}

}  // namespace recto
