// Inputs on which the fuzzers of tests/fuzz found recto crashing or hanging, each kept as it was
// found (and, where it helps, reduced), with what recto does with it now.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace recto::test;
using namespace std::string_literals;

TEST_CASE("fuzz_pipeline: a code block holding the start of recto's fence marker ended the program",
          "[fuzz-regression]") {
  // Found as a chapter with a fenced code block whose line began "<!--recto:/div C": restoring
  // fence lines in code cut the marker's end ("-->") off a line that did not have one, and the
  // string_view's length wrapped round (std::length_error, uncaught).
  for (const std::string code : {"<!--recto:/div C", "<!--recto:div ", "x <!--recto:/div", "<!--recto:div ::: {.a}-->"}) {
    INFO(code);
    ReadResult r = read_files({{"a.md", "```sh\n" + code + "\n```\n\n    " + code + "\n"}});
    CHECK(r.diagnostics().empty());
    CHECK(r.tree_dump().find("CodeBlock") != std::string::npos);
  }
  ReadResult r = read_files({{"a.md", "```\n<!--recto:/div C\n```\n"}});
  CHECK(r.tree_dump().find("\"<!--recto:/div C\"") != std::string::npos);  // kept as written
}

TEST_CASE(
    "fuzz_pipeline: a footnote that refers to itself overflowed the stack, and the reference stays "
    "text",
    "[fuzz-regression]") {
  // Converting a note reference copied in its definition, whose reference copied it in again,
  // forever.
  const std::string found =
      "- An item with a footnote.[^li]\n"
      "- A plain item.\n"
      "\n"
      "> A quoted sentencn item with a footnote.[^li]\n"
      "- A plain item.\n"
      "\n"
      "> A quoted sentence with a footnote.[^bq]\n"
      "\n"
      "[^li]: Note refer\x80\x8F$\x00``\x00\x00"
      "enced from a list item.\n"
      "\n"
      "[^bq]: Note re with a footnote.[^bq]\n"
      "\n"
      "[^li]: Note refer\x80\x8F$\x00``\x00\x00"
      "enced from a list item.\n"
      "\n"
      "[^bq]: Note referenced from a block quote.\n"s;  // NULs included
  ReadResult r = read_files({{"a.md", found}});
  CHECK(r.diags.error_count() == 4);  // the bytes of invalid UTF-8, two on each of two lines
  CHECK(r.tree_dump().find("Str 11:8 \"Note re with a footnote.[^bq]\"") != std::string::npos);

  // As in pandoc's commonmark_x, a note reference inside a note is its text, whether it refers to
  // its own note or to another.
  ReadResult reduced =
      read_files({{"a.md", "Text[^a] and [^b].\n\n[^a]: x[^a] y\n\n[^b]: in b[^a].\n"}});
  CHECK(reduced.diagnostics().empty());
  CHECK(reduced.tree_dump() ==
        "Document\n"
        "  Meta\n"
        "  Division 1:1 name=\"a\" file=\"a.md\"\n"
        "    Para 1:1\n"
        "      Str 1:1 \"Text\"\n"
        "      Note 1:5\n"
        "        Para 3:7\n"
        "          Str 3:7 \"x[^a] y\"\n"
        "      Str 1:9 \" and \"\n"
        "      Note 1:14\n"
        "        Para 5:7\n"
        "          Str 5:7 \"in b[^a].\"\n"
        "      Str 1:18 \".\"\n");
}
