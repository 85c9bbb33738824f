// Problems found in a manuscript, reported all at once in the compiler form `file:line:col: error: msg [code]`.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "source_span.hpp"

namespace recto {

enum class Severity { warning, error };

// How diagnostics are printed: the compiler form `file:line:col: error: message [code]`, a JSON
// array of objects, or GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`).
enum class DiagnosticStyle { gcc, json, github };

struct Diagnostic {
  Severity severity;
  SourceSpan at;
  std::string message;
  std::string code;
  std::string hint;  // optional "did you mean" style help, printed on its own line
};

class Diagnostics {
 public:
  void error(SourceSpan at, std::string code, std::string message, std::string hint = {});
  void warning(SourceSpan at, std::string code, std::string message, std::string hint = {});

  const std::vector<Diagnostic>& all() const { return items_; }
  // Adds the diagnostics of another run (a chapter set on another thread) after these.
  void append(const Diagnostics& other) { items_.insert(items_.end(), other.items_.begin(), other.items_.end()); }
  std::size_t error_count() const;
  bool has_errors() const { return error_count() > 0; }
  // --strict: every warning becomes an error.
  void promote_warnings();

  // Prints every diagnostic, sorted by file, line and column, in the style asked for; a diagnostic
  // made twice is printed once.
  void print(std::ostream& out, const Sources& sources, DiagnosticStyle style = DiagnosticStyle::gcc) const;

 private:
  std::vector<Diagnostic> items_;
};

std::string format_diagnostic(const Diagnostic& d, const Sources& sources);

}  // namespace recto
