// The commands of the recto tool, each returning its exit code.
#pragma once

#include <filesystem>
#include <iosfwd>

namespace recto {

enum ExitCode : int { kOk = 0, kManuscriptError = 1, kUsage = 2, kIoError = 3, kInternal = 70 };

struct CommonOptions {
  std::filesystem::path source = ".";
  std::filesystem::path bibliography;
  bool strict = false;
  bool raw = false;  // stop after reading: no notes, ids or bibliography
};

// `recto check`: read and resolve, print diagnostics, write nothing.
int run_check(const CommonOptions& options, std::ostream& out, std::ostream& err);

// `recto tree [--json]`: the document tree as text or JSON on standard output.
int run_tree(const CommonOptions& options, bool json, std::ostream& out, std::ostream& err);

}  // namespace recto
