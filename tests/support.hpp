// Helpers shared by the tests: reading a manuscript to a dump, temporary manuscripts, running recto.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "diagnostics.hpp"
#include "env.hpp"
#include "font_face.hpp"
#include "tree.hpp"

namespace recto::test {

struct ReadResult {
  Env env;
  Diagnostics diags;
  Document doc;
  std::string tree_dump() const;
  std::string diagnostics() const;  // every diagnostic, one per line, in the compiler form
};

// Reads a manuscript path relative to the repository root (the tests' working directory).
ReadResult read(const std::filesystem::path& source, const std::filesystem::path& bibliography = {});

// A manuscript of the given files in a fresh temporary folder; read with paths relative to it.
ReadResult read_files(const std::map<std::string, std::string>& files, const std::string& source = ".");

struct RunResult {
  int exit_code;
  std::string out, err;
};
// Runs a shell command line from the repository root, capturing its output.
RunResult run_command(const std::string& command_line);
// Runs the recto binary with arguments (a shell-quoted string) from the repository root.
RunResult run_recto(const std::string& args);

std::string read_text(const std::filesystem::path& path);

// A fresh temporary folder, removed with everything in it at the end of the test.
struct TempDir {
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path path;
};

// XDG_CACHE_HOME set for the test's length (recto's memos read it when they make an entry).
struct CacheHome {
  explicit CacheHome(const std::string& path);
  ~CacheHome();
  CacheHome(const CacheHome&) = delete;
  CacheHome& operator=(const CacheHome&) = delete;
  std::optional<std::string> before;
};

// A copy of Noto Serif Regular of the test's own, open, which the test may change.
struct OwnFace {
  OwnFace();
  TempDir dir;
  std::filesystem::path path;
  std::unique_ptr<text::FontFace> face;
};

// How many files of the folder have the extension (".png").
std::size_t files_with_extension(const std::filesystem::path& folder, const std::string& extension);

// Writes a file, creating its folders.
void write_file(const std::filesystem::path& path, const std::string& bytes);

}  // namespace recto::test
