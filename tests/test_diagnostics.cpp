// Every diagnostic code, with its exact message and source position.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace recto::test;

namespace {

const std::string kRefs = "- id: smith2019\n  type: book\n  title: A Book\n- id: doe2020\n  type: book\n  title: B\n";

std::string diagnose(const std::map<std::string, std::string>& files, const std::string& source = ".") {
  return read_files(files, source).diagnostics();
}

}  // namespace

TEST_CASE("invalid-utf8: the bad byte's line and column", "[diagnostics]") {
  CHECK(diagnose({{"a.md", "Fine line.\nBad \xFF byte.\n"}}) ==
        "a.md:2:5: error: invalid UTF-8: byte 0xFF [invalid-utf8]\n  hint: save the file as UTF-8\n");
}

TEST_CASE("unknown-citation: the key's position and the nearest key", "[diagnostics]") {
  CHECK(diagnose({{"book.yaml", "bibliography: refs.yaml\n"}, {"refs.yaml", kRefs}, {"a.md", "See [@smtih2019].\n"}}) ==
        "a.md:1:6: error: unknown citation key 'smtih2019' [unknown-citation]\n"
        "  hint: did you mean '@smith2019'?\n");
}

TEST_CASE("duplicate-reference: the second id", "[diagnostics]") {
  CHECK(diagnose({{"book.yaml", "bibliography: refs.yaml\n"},
                  {"refs.yaml", kRefs + "- id: doe2020\n  type: book\n"},
                  {"a.md", "Text.\n"}}) ==
        "refs.yaml:7:3: error: duplicate reference id 'doe2020' [duplicate-reference]\n"
        "  hint: the first one is on line 4\n");
}

TEST_CASE("duplicate-key: the repeated YAML key", "[diagnostics]") {
  CHECK(diagnose({{"book.yaml", "title: One\nlang: en\ntitle: Two\n"}, {"a.md", "Text.\n"}}) ==
        "book.yaml:3:1: error: duplicate key 'title' [duplicate-key]\n  hint: the first one is on line 1\n");
}

TEST_CASE("yaml-syntax: the position YAML reports made 1-based", "[diagnostics]") {
  CHECK(diagnose({{"book.yaml", "title: One\nauthor: [unclosed\n"}, {"a.md", "Text.\n"}}) ==
        "book.yaml:3:1: error: malformed YAML: end of sequence flow not found [yaml-syntax]\n");
  CHECK(diagnose({{"a.md", "---\ntitle: x\n  bad: indent\n---\nText.\n"}}, "a.md") ==
        "a.md:3:6: error: malformed YAML: illegal map value [yaml-syntax]\n");
}

TEST_CASE("unclosed-div: the opening fence", "[diagnostics]") {
  CHECK(diagnose({{"a.md", "Text.\n\n::: note\nInside.\n"}}) ==
        "a.md:3:1: error: fenced div is never closed [unclosed-div]\n"
        "  hint: close it with a line of three colons (:::)\n");
}

TEST_CASE("missing-chapter: the entry in book.yaml", "[diagnostics]") {
  CHECK(diagnose({{"book.yaml", "chapters:\n  - one.md\n  - two.md\n"}, {"one.md", "Text.\n"}}) ==
        "book.yaml:3:5: error: chapter file 'two.md' not found [missing-chapter]\n");
}

TEST_CASE("path-outside: chapters and bibliographies stay in the manuscript folder", "[diagnostics]") {
  CHECK(diagnose({{"book.yaml", "chapters: [../escape.md, /etc/passwd]\n"}}) ==
        "book.yaml:1:12: error: chapter '../escape.md' is outside the manuscript folder [path-outside]\n"
        "book.yaml:1:26: error: chapter '/etc/passwd' is outside the manuscript folder [path-outside]\n");
}

TEST_CASE("missing-bibliography: where it is named", "[diagnostics]") {
  CHECK(diagnose({{"book.yaml", "title: T\nbibliography: nowhere.yaml\n"}, {"a.md", "Text.\n"}}) ==
        "book.yaml:2:15: error: bibliography file 'nowhere.yaml' not found [missing-bibliography]\n");
}

TEST_CASE("unknown-metadata-key: a warning with the nearest key", "[diagnostics]") {
  CHECK(diagnose({{"book.yaml", "title: T\nsubtilte: S\n"}, {"a.md", "Text.\n"}}) ==
        "book.yaml:2:1: warning: unknown metadata key 'subtilte' [unknown-metadata-key]\n"
        "  hint: did you mean 'subtitle'?\n");
}

TEST_CASE("metadata-type: a key with the wrong kind of value", "[diagnostics]") {
  CHECK(diagnose({{"book.yaml", "title:\n  nested: map\n"}, {"a.md", "Text.\n"}}) ==
        "book.yaml:2:3: error: 'title' must be text [metadata-type]\n");
}

TEST_CASE("csl-invalid: items without ids and malformed dates", "[diagnostics]") {
  CHECK(diagnose({{"book.yaml", "bibliography: refs.yaml\n"},
                  {"refs.yaml", "- type: book\n  title: No id\n- id: x\n  issued: {date-parts: [[twenty]]}\n"},
                  {"a.md", "Text.\n"}}) ==
        "refs.yaml:1:3: error: CSL item without an 'id' [csl-invalid]\n"
        "refs.yaml:4:26: error: date part 'twenty' is not a number [csl-invalid]\n");
}

TEST_CASE("no-chapters: a folder without Markdown", "[diagnostics]") {
  CHECK(diagnose({{"book.yaml", "title: T\n"}}) ==
        "recto: error: no chapters: '.' has no .md files [no-chapters]\n");
}

TEST_CASE("unsupported-syntax: a warning at the construct", "[diagnostics]") {
  CHECK(diagnose({{"a.md", "Energy is $e=mc^2$ here.\n"}}) ==
        "a.md:1:11: warning: TeX math ($…$) is not supported by recto; kept as text [unsupported-syntax]\n");
}

TEST_CASE("every problem is reported in source order", "[diagnostics]") {
  std::string out = diagnose({{"book.yaml", "bibliography: refs.yaml\n"},
                              {"refs.yaml", kRefs},
                              {"a.md", "[@nope] and [@smith2019] and [@doe2021].\n\n::: open\n"}});
  CHECK(out ==
        "a.md:1:2: error: unknown citation key 'nope' [unknown-citation]\n"
        "  hint: no reference has a similar id\n"
        "a.md:1:31: error: unknown citation key 'doe2021' [unknown-citation]\n"
        "  hint: did you mean '@doe2020'?\n"
        "a.md:3:1: error: fenced div is never closed [unclosed-div]\n"
        "  hint: close it with a line of three colons (:::)\n");
}
