// The shipped manuscript against the raw scraped essay: every paragraph word for word, the
// citations at the marker places in reference order, the pull quotes, no junk.
#include <catch2/catch.hpp>

#include <sstream>
#include <vector>

#include "support.hpp"
#include "tree_walk.hpp"

using namespace recto;
using namespace recto::test;

namespace {

struct RawEssay {
  std::vector<std::string> paragraphs;  // body paragraphs with their marker digits
  std::vector<std::string> pull_quotes;
  std::string author_note;
  std::vector<std::string> references;  // "1. Iqbal, M. …"
};

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

RawEssay raw_essay() {
  RawEssay raw;
  std::istringstream in(read_text("tests/fixtures/wechat-is-watching.raw.txt"));
  const std::vector<std::string> pull_quotes = {
      "WeChat knows what I am reading. It would discover I am doing research for this article.",
      "People are regularly arrested for messages they send in “private” group chats.",
      "Today we are our own informants, writing the most detailed personal accounts ever collated."};
  bool in_references = false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || starts_with(line, "Nautilus Members") || starts_with(line, "WE RUN:") ||
        starts_with(line, "FLOWER POWER:")) {
      continue;
    }
    if (starts_with(line, "Lead image credits")) break;
    if (line == "References") {
      in_references = true;
    } else if (in_references) {
      raw.references.push_back(line);
    } else if (starts_with(line, "Barclay Bram is")) {
      raw.author_note = line;
    } else if (std::find(pull_quotes.begin(), pull_quotes.end(), line) != pull_quotes.end()) {
      raw.pull_quotes.push_back(line);
    } else {
      raw.paragraphs.push_back(line);
    }
  }
  return raw;
}

// Plain text of inlines, each citation written as its running number (as the raw text marks it).
void plain(const Inlines& xs, std::string& out, int& cite_number, std::vector<std::string>& cited) {
  for (const Inline& x : xs) {
    if (auto* s = std::get_if<Str>(&x.node)) out += s->text;
    if (std::holds_alternative<SoftBreak>(x.node)) out += ' ';
    if (auto* e = std::get_if<Emph>(&x.node)) plain(e->content, out, cite_number, cited);
    if (auto* e = std::get_if<Span>(&x.node)) plain(e->content, out, cite_number, cited);
    if (auto* c = std::get_if<Cite>(&x.node)) {
      for (const auto& ct : c->citations) cited.push_back(ct.id);
      out += std::to_string(++cite_number);
    }
  }
}

}  // namespace

TEST_CASE("the manuscript is the raw essay word for word without the junk", "[manuscript]") {
  RawEssay raw = raw_essay();
  REQUIRE(raw.paragraphs.size() == 37);
  REQUIRE(raw.pull_quotes.size() == 3);
  REQUIRE(raw.references.size() == 14);

  ReadResult r = read("source");
  REQUIRE(r.diagnostics().empty());
  REQUIRE(r.doc.divisions.size() == 1);
  const Blocks& blocks = r.doc.divisions[0].blocks;

  std::vector<std::string> body, pulls, author;
  std::vector<std::string> cited;
  int cite_number = 0;
  for (const Block& b : blocks) {
    std::string text;
    if (auto* p = std::get_if<Para>(&b.node)) {
      plain(p->content, text, cite_number, cited);
      body.push_back(text);
    } else if (auto* d = std::get_if<Div>(&b.node)) {
      REQUIRE(d->content.size() == 1);
      plain(std::get<Para>(d->content[0].node).content, text, cite_number, cited);
      (d->attr.has_class("pullquote") ? pulls : author).push_back(text);
    } else {
      FAIL("unexpected block kind in the essay");
    }
  }
  CHECK(body == raw.paragraphs);
  CHECK(pulls == raw.pull_quotes);
  REQUIRE(author.size() == 1);
  CHECK(author[0] == raw.author_note);

  // 14 citations, in the order of the reference list.
  REQUIRE(cited.size() == 14);
  REQUIRE(r.doc.references.size() == 14);
  for (std::size_t i = 0; i < 14; ++i) {
    INFO("citation " << i + 1);
    CHECK(cited[i] == r.doc.references[i].id);
    CHECK(starts_with(raw.references[i], std::to_string(i + 1) + ". "));
    CHECK(raw.references[i].find(r.doc.references[i].fields.at("title")) != std::string::npos);
  }
}

TEST_CASE("the manuscript's references carry every field the seed gives", "[manuscript]") {
  ReadResult r = read("source");
  for (const Reference& ref : r.doc.references) {
    INFO(ref.id);
    CHECK(!ref.type.empty());
    CHECK(ref.fields.count("title") == 1);
    CHECK(ref.fields.count("container-title") == 1);
    CHECK(ref.dates.count("issued") == 1);
  }
  const Reference& ruan = r.doc.references[6];
  REQUIRE(ruan.names.at("author").size() == 4);
  CHECK(ruan.names.at("author")[2].given == "J.Q.");
  CHECK(r.doc.references[10].names.count("author") == 0);  // The Economist: no author
}

TEST_CASE("book.yaml gives the essay's metadata", "[manuscript]") {
  ReadResult r = read("source");
  const Meta& m = r.doc.meta;
  CHECK(m.title == "WeChat Is Watching");
  CHECK(m.subtitle == "Living in China with the app that knows everything about me");
  CHECK(m.authors == std::vector<std::string>{"Barclay Bram"});
  CHECK(m.date == "2019");
  CHECK(m.lang == "en");
  CHECK(m.source == "Nautilus, 2019");
  CHECK_FALSE(m.rights.empty());
}

TEST_CASE("chapters parsed on threads keep every extension's syntax and their own order", "[manuscript]") {
  // cmark-gfm's extensions change a process-wide table around each parse: chapters parsed at once
  // without a lock lose "~~" now and then.
  std::map<std::string, std::string> files;
  constexpr int chapters = 24;
  for (int i = 0; i < chapters; ++i) {
    std::string n = std::to_string(i);
    std::string text = "# Chapter " + n + "\n\n";
    for (int k = 0; k < 20; ++k) text += "Some ~~struck " + n + "~~ words and ~~more~~ of them, www.example.com.\n\n";
    files[(i < 10 ? "0" : "") + n + ".md"] = text;
  }
  ReadResult r = read_files(files);
  REQUIRE(r.doc.divisions.size() == chapters);
  for (int i = 0; i < chapters; ++i) {
    const Division& d = r.doc.divisions[static_cast<std::size_t>(i)];
    CHECK(d.name == (i < 10 ? "0" : "") + std::to_string(i));
    int struck = 0, tildes = 0;
    walk_inlines(d.blocks, [&](const Inline& x) {
      if (std::holds_alternative<Strikeout>(x.node)) ++struck;
      if (const auto* s = std::get_if<Str>(&x.node); s && s->text.find('~') != std::string::npos) ++tildes;
    });
    CHECK(struck == 40);
    CHECK(tildes == 0);
  }
}
