// The font memo: answers kept between runs hold only while their context and every watched path are
// as they were; a build served from it (and from the cover and shape memos) writes the same bytes as
// one that asks fontconfig (draws its cover, shapes its words).
#include <catch2/catch.hpp>
#include <fstream>
#include <thread>

#include "font_memo.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace recto::test;
using recto::text::FontAnswer;
using recto::text::FontMemo;

namespace {

// A memo kept in the folder, with a configuration file, a folder that does not exist yet and a font
// file watched, and two answers: one face, one "no font".
struct KeptMemo {
  TempDir dir;
  fs::path file = dir.path / "memo", config = dir.path / "fonts.conf",
           missing = dir.path / "conf.d", font = dir.path / "Face.otf";
  KeptMemo() {
    write_file(config, "<fontconfig/>");
    write_file(font, "font bytes");
    FontMemo memo(file, "context 1");
    memo.watch_configuration({config.string(), missing.string()});
    memo.record("family --Some Serif", {font.string(), 2});
    memo.record("char --12354 ja", {});
    memo.save();
  }
};

// Rewrites a file with other bytes and a later modification time.
void change(const fs::path& path) {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  std::ofstream(path, std::ios::app) << "changed";
}

}  // namespace

TEST_CASE("a saved font memo gives its answers back while nothing it watches changed", "[fonts]") {
  KeptMemo kept;
  FontMemo memo(kept.file, "context 1");
  REQUIRE(memo.load());
  CHECK(memo.answer("family --Some Serif") == FontAnswer{kept.font.string(), 2});
  CHECK(memo.answer("char --12354 ja") == FontAnswer{});
  CHECK_FALSE(memo.answer("family --Other"));
}

TEST_CASE("a font memo holds nothing when its context or a watched path changed", "[fonts]") {
  KeptMemo kept;
  std::string context = "context 1";
  SECTION("another context") {
    context = "context 2";
  }
  SECTION("a configuration file changed") {
    change(kept.config);
  }
  SECTION("a configuration file removed") {
    fs::remove(kept.config);
  }
  SECTION("a path that was absent made") {
    fs::create_directory(kept.missing);
  }
  SECTION("an answered font file changed") {
    change(kept.font);
  }
  SECTION("the memo's file damaged") {
    change(kept.file);
  }
  SECTION("the memo's file cut short") {
    fs::resize_file(kept.file, 40);
  }
  FontMemo memo(kept.file, context);
  CHECK_FALSE(memo.load());
  CHECK_FALSE(memo.answer("family --Some Serif"));
}

TEST_CASE("a font memo that cannot be written costs nothing but time", "[fonts]") {
  FontMemo memo("/dev/null/recto/memo", "context");
  memo.watch_configuration({"/etc"});
  memo.record("family --Some Serif", {"/dev/null", 0});
  CHECK_NOTHROW(memo.save());
  CHECK_FALSE(memo.load());
}

TEST_CASE("a build answered by the font, cover, shape and subset memos writes the bytes and the depfile of one "
          "that asks fontconfig, draws, shapes, hyphenates and subsets",
          "[fonts][cover][pdf][cli]") {
  TempDir cache, cold, warm, unkept;
  // The depfile's inputs: what follows its targets, which name the output folder.
  auto build = [](const fs::path& cache_home, const fs::path& out) {
    RunResult r = run_command("env XDG_CACHE_HOME='" + cache_home.string() + "' " + RECTO_BINARY +
                              " build -q --format epub,pdf --theme trade,ereader -o '" + out.string() +
                              "' --depfile '" + (out / "deps.d").string() + "' source");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string deps = read_text(out / "deps.d");
    return deps.substr(deps.find(':'));
  };
  const std::string inputs = build(cache.path, cold.path);  // fontconfig answers, the cover is drawn,
                                                            // the memos are written
  std::vector<fs::path> memos, covers;
  for (const auto& e : fs::directory_iterator(cache.path / "recto")) {
    if (e.is_regular_file()) memos.push_back(e.path());
  }
  for (const auto& e : fs::directory_iterator(cache.path / "recto" / "covers")) covers.push_back(e.path());
  REQUIRE(memos.size() == 1);
  REQUIRE(covers.size() == 1);
  REQUIRE(std::distance(fs::directory_iterator(cache.path / "recto" / "shapes"), fs::directory_iterator()) == 1);
  REQUIRE(std::distance(fs::directory_iterator(cache.path / "recto" / "subsets"), fs::directory_iterator()) >= 4);
  CHECK(inputs.find("/usr/share/hyphen/hyph_en_US.dic") != std::string::npos);
  const std::string drawn = read_text(covers[0]);
  const std::string written = read_text(memos[0]);
  CHECK(written.find("\nanswer\tfamily --EB Garamond 12\t") != std::string::npos);
  CHECK(written.find("\nanswer\tchar --38544 zh\t") !=
        std::string::npos);  // 隐, from a fallback font

  CHECK(build(cache.path, warm.path) == inputs);  // the memos answer: no word is hyphenated
  CHECK(read_text(memos[0]) == written);
  CHECK(read_text(covers[0]) == drawn);
  CHECK(build("/dev/null/unwritable", unkept.path) == inputs);  // no memo at all
  for (const char* name :
       {"wechat-is-watching.epub", "wechat-is-watching.pdf", "wechat-is-watching-ereader.pdf"}) {
    CHECK(read_text(warm.path / name) == read_text(cold.path / name));
    CHECK(read_text(unkept.path / name) == read_text(cold.path / name));
  }
}
