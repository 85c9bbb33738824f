// The commands of the recto tool, each returning its exit code.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "diagnostics.hpp"

namespace recto {

enum ExitCode : int { kOk = 0, kManuscriptError = 1, kUsage = 2, kIoError = 3, kInternal = 70 };

struct CommonOptions {
  std::filesystem::path source = ".";
  std::filesystem::path bibliography;
  bool strict = false;
  bool raw = false;  // stop after reading: no notes, ids or bibliography
  DiagnosticStyle diagnostics = DiagnosticStyle::gcc;
};

// `recto check`: read and resolve, print diagnostics, write nothing.
int run_check(const CommonOptions& options, std::ostream& out, std::ostream& err);

// `recto tree [--json]`: the document tree as text or JSON on standard output.
int run_tree(const CommonOptions& options, bool json, std::ostream& out, std::ostream& err);

struct BuildOptions {
  std::filesystem::path out_dir = "out";
  std::vector<std::string> formats = {"epub", "pdf"};
  std::vector<std::string> themes;  // PDF themes; default: the manuscript's, else trade
  bool quiet = false;
  std::filesystem::path depfile;  // where to write a depfile of the inputs read (none when empty)
};

// `recto build`: write the book's files into the output folder, each atomically; one summary line.
int run_build(const CommonOptions& options, const BuildOptions& build, std::ostream& out, std::ostream& err);

// `recto pages`: the page dump of the PDF edition in a theme, on standard output.
int run_pages(const CommonOptions& options, const std::string& theme, std::ostream& out, std::ostream& err);

}  // namespace recto
