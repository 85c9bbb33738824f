// Test helpers: dumps, temporary manuscripts and running the built binary.
#include "support.hpp"

#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "manuscript.hpp"
#include "outline.hpp"

namespace fs = std::filesystem;

namespace recto::test {

std::string ReadResult::tree_dump() const {
  std::ostringstream out;
  print_outline_text(out, outline(doc, env.sources));
  return out.str();
}

std::string ReadResult::diagnostics() const {
  std::ostringstream out;
  diags.print(out, env.sources);
  return out.str();
}

ReadResult read(const fs::path& source, const fs::path& bibliography) {
  ReadResult r;
  r.doc = read_manuscript(source, ReadOptions{bibliography, {}, {}}, r.env, r.diags);
  return r;
}

ReadResult read_files(const std::map<std::string, std::string>& files, const std::string& source) {
  static std::mt19937 rng{std::random_device{}()};
  fs::path dir = fs::temp_directory_path() / ("recto-test-" + std::to_string(rng()));
  fs::create_directories(dir);
  for (const auto& [name, text] : files) {
    fs::create_directories((dir / name).parent_path());
    std::ofstream(dir / name, std::ios::binary) << text;
  }
  fs::path previous = fs::current_path();
  fs::current_path(dir);
  ReadResult r = read(source);
  fs::current_path(previous);
  fs::remove_all(dir);
  return r;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

TempDir::TempDir() {
  static std::mt19937 rng{std::random_device{}()};
  path = fs::temp_directory_path() / ("recto-tmp-" + std::to_string(rng()));
  fs::create_directories(path);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path, ec);
}

CacheHome::CacheHome(const std::string& path) {
  if (const char* now = std::getenv("XDG_CACHE_HOME")) before = now;
  setenv("XDG_CACHE_HOME", path.c_str(), 1);
}

CacheHome::~CacheHome() {
  if (before) setenv("XDG_CACHE_HOME", before->c_str(), 1);
  else unsetenv("XDG_CACHE_HOME");
}

OwnFace::OwnFace() : path(dir.path / "Serif.ttf") {
  fs::copy_file("/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf", path);
  face = text::FontFace::open(path.string());
  REQUIRE(face);
}

std::size_t files_with_extension(const fs::path& folder, const std::string& extension) {
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(folder)) n += e.path().extension() == extension;
  return n;
}

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

RunResult run_command(const std::string& command_line) {
  static std::mt19937 rng{std::random_device{}()};
  fs::path base = fs::temp_directory_path() / ("recto-run-" + std::to_string(rng()));
  std::string out_file = base.string() + ".out", err_file = base.string() + ".err";
  std::string command = command_line + " >" + out_file + " 2>" + err_file;
  int status = std::system(command.c_str());
  RunResult r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_text(out_file), read_text(err_file)};
  fs::remove(out_file);
  fs::remove(err_file);
  // In the sanitized build, UBSan reports on standard error: a report fails the test that ran it,
  // whatever the test expects of the command.
  INFO(r.err);
  CHECK(r.err.find(": runtime error: ") == std::string::npos);
  return r;
}

RunResult run_recto(const std::string& args) { return run_command(std::string(RECTO_BINARY) + " " + args); }

}  // namespace recto::test
