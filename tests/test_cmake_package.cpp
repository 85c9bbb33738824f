// The installed CMake package: find_package(Recto) and recto_add_ebook() build a book in an outside project,
// with Ninja and with Makefiles, and rebuild it when a chapter changes (through recto's depfile), only then.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;
using namespace std::chrono_literals;

namespace {

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string kRecipeRuns = "Building the ebook essay with recto";  // recto_add_ebook's COMMENT

}  // namespace

TEST_CASE("find_package(Recto) and recto_add_ebook build a book, and rebuild it only when an input changed",
          "[cmake]") {
  std::string generator;
  SECTION("Ninja") { generator = "Ninja"; }
  SECTION("Unix Makefiles") { generator = "Unix Makefiles"; }

  TempDir dir;
  fs::path prefix = dir.path / "prefix", project = dir.path / "project", build_dir = project / "build";
  fs::path chapter = project / "essay" / "one.md";
  RunResult install = run_command("cmake --install '" RECTO_BUILD_DIR "' --prefix " + quoted(prefix));
  INFO(install.out + install.err);
  REQUIRE(install.exit_code == 0);
  write_file(project / "CMakeLists.txt",
        "cmake_minimum_required(VERSION 3.20)\n"
        "project(essay LANGUAGES NONE)\n"
        "find_package(Recto REQUIRED)\n"
        "recto_add_ebook(essay SOURCE essay FORMATS epub pdf THEME trade STEM a-small-essay)\n");
  write_file(project / "essay" / "book.yaml", "title: A Small Essay\nauthor: Ada Writer\nlang: en\n");
  write_file(chapter, "# One\n\nA short paragraph.\n");

  RunResult configure = run_command("cmake -S " + quoted(project) + " -B " + quoted(build_dir) + " -G '" + generator +
                                    "' -DCMAKE_PREFIX_PATH=" + quoted(prefix));
  INFO(configure.out + configure.err);
  REQUIRE(configure.exit_code == 0);
  // The command is the installed recto, the imported target Recto::recto.
  CHECK(run_command("grep -rqF " + quoted(prefix / "bin" / "recto") + " " + quoted(build_dir)).exit_code == 0);

  const std::string build = "cmake --build " + quoted(build_dir);
  RunResult first = run_command(build);
  INFO(first.out + first.err);
  REQUIRE(first.exit_code == 0);
  fs::path epub = build_dir / "a-small-essay.epub", pdf = build_dir / "a-small-essay.pdf";
  REQUIRE(fs::exists(epub));
  REQUIRE(fs::exists(pdf));
  CHECK(read_text(epub).starts_with("PK"));
  CHECK(read_text(pdf).starts_with("%PDF-"));
  auto epub_built = fs::last_write_time(epub), pdf_built = fs::last_write_time(pdf);

  RunResult idle = run_command(build);
  CHECK(idle.exit_code == 0);
  CHECK_FALSE(contains(idle.out, kRecipeRuns));
  CHECK(fs::last_write_time(epub) == epub_built);
  if (generator == "Ninja") CHECK(contains(run_command("ninja -n -C " + quoted(build_dir)).out, "no work to do"));

  // Only the depfile names the chapter: the custom command's DEPENDS does not.
  const std::string revised = "# One\n\nA short paragraph, revised.\n";
  write_file(chapter, revised);
  while (fs::last_write_time(chapter) <= epub_built) {  // a file system with coarse times
    std::this_thread::sleep_for(100ms);
    write_file(chapter, revised);
  }
  RunResult rebuild = run_command(build);
  CHECK(rebuild.exit_code == 0);
  CHECK(contains(rebuild.out, kRecipeRuns));
  CHECK(fs::last_write_time(epub) > epub_built);
  CHECK(fs::last_write_time(pdf) > pdf_built);

  RunResult idle_again = run_command(build);
  CHECK(idle_again.exit_code == 0);
  CHECK_FALSE(contains(idle_again.out, kRecipeRuns));
}
