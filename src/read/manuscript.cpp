// Manuscript discovery: book.yaml, the chapter list, front matter, the bibliography, citation keys;
// the chapters' Markdown and the bibliography's references parsed on threads.
#include "manuscript.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "csl_references.hpp"
#include "line_index.hpp"
#include "markdown.hpp"
#include "metadata.hpp"
#include "nearest.hpp"
#include "parallel.hpp"
#include "paths.hpp"
#include "source_file.hpp"
#include "tree_walk.hpp"
#include "yaml_value.hpp"

namespace fs = std::filesystem;

namespace recto {
namespace {

struct Book {
  fs::path folder;                 // every input lives under it
  std::vector<fs::path> chapters;  // resolved chapter paths
  SourceSpan chapters_at;          // where the chapter list is written, for errors
  std::vector<SourceSpan> chapter_spans;
};

std::vector<fs::path> markdown_files(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".md") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A bibliography file: read in book order (its source id depends on the order), its YAML parsed and
// its references read afterwards, beside the chapters' Markdown.
struct Bibliography {
  std::optional<SourceFile> file;
  Diagnostics diags;
  std::vector<Reference> references;
};

Bibliography read_bibliography_file(const fs::path& folder, const std::string& name, SourceSpan named_at, Env& env) {
  Bibliography bibliography;
  if (!stays_inside(folder, name)) {
    bibliography.diags.error(named_at, "path-outside", "bibliography '" + name + "' is outside the manuscript folder");
    return bibliography;
  }
  bibliography.file = load_source(folder / name, env, bibliography.diags);
  if (!bibliography.file) {
    bibliography.diags.error(named_at, "missing-bibliography", "bibliography file '" + name + "' not found");
  }
  return bibliography;
}

void read_references(Bibliography& bibliography) {
  if (!bibliography.file) return;
  LineIndex lines(bibliography.file->id, bibliography.file->text);
  if (auto yaml = parse_yaml(bibliography.file->text, lines, bibliography.diags)) {
    bibliography.references = read_csl(*yaml, bibliography.diags);
  }
}

void check_citation_keys(Document& doc, Diagnostics& diags) {
  std::vector<std::string> ids;
  for (const auto& r : doc.references) ids.push_back(r.id);
  std::set<std::string> known(ids.begin(), ids.end());
  for (auto& division : doc.divisions) {
    walk_inlines(division.blocks, [&](Inline& x) {
      auto* cite = std::get_if<Cite>(&x.node);
      if (!cite) return;
      for (const auto& c : cite->citations) {
        if (known.count(c.id)) continue;
        std::string guess = nearest(c.id, ids);
        diags.error(c.span, "unknown-citation", "unknown citation key '" + c.id + "'",
                    guess.empty() ? "no reference has a similar id" : "did you mean '@" + guess + "'?");
      }
    });
  }
}

// A chapter: its file and front matter read in book order (its source id and the metadata depend
// on the order), its Markdown parsed afterwards, on a thread with the other chapters'.
struct Chapter {
  std::optional<SourceFile> file;
  std::optional<LineIndex> lines;  // of file->text
  std::string markdown;
  Diagnostics diags;
  Division division;
};

void read_chapter_file(const fs::path& path, Chapter& chapter, Document& doc, const YamlValue** inline_refs,
                       std::vector<YamlValue>& keep_alive, Env& env) {
  chapter.file = load_source(path, env, chapter.diags);
  if (!chapter.file) return;
  chapter.lines.emplace(chapter.file->id, chapter.file->text);
  FrontMatter fm = split_front_matter(chapter.file->text);
  if (!fm.yaml.empty()) {
    if (auto yaml = parse_yaml(fm.yaml, *chapter.lines, chapter.diags)) {
      keep_alive.push_back(std::move(*yaml));
      if (const YamlValue* refs = read_metadata(keep_alive.back(), doc.meta, chapter.diags)) *inline_refs = refs;
    }
  }
  chapter.markdown = std::move(fm.markdown);
  chapter.division.name = path.stem().string();
  chapter.division.span = SourceSpan{chapter.file->id, 1, 1};
}

// Every chapter's file read, then the bibliographies' files; the chapters' Markdown and the
// bibliographies' references read on the machine's cores; their diagnostics in that order.
void read_chapters(const std::vector<fs::path>& paths, const ReadOptions& options, const fs::path& folder,
                   SourceSpan bibliography_at, Document& doc, const YamlValue** inline_refs,
                   std::vector<YamlValue>& keep_alive, Env& env, Diagnostics& diags) {
  std::vector<Chapter> chapters(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    read_chapter_file(paths[i], chapters[i], doc, inline_refs, keep_alive, env);
  }
  if (options.on_complete_metadata) options.on_complete_metadata(doc.meta);
  std::vector<Bibliography> bibliographies;
  if (!doc.meta.bibliography.empty()) {
    if (bibliography_at.file == 0) {  // not named in book.yaml: at the first chapter read
      auto first = std::find_if(chapters.begin(), chapters.end(), [](const Chapter& c) { return c.file.has_value(); });
      if (first != chapters.end()) bibliography_at = first->division.span;
    }
    bibliographies.push_back(read_bibliography_file(folder, doc.meta.bibliography, bibliography_at, env));
  }
  if (!options.bibliography.empty()) {
    fs::path named_folder = options.bibliography.parent_path();
    bibliographies.push_back(read_bibliography_file(named_folder.empty() ? fs::path(".") : named_folder,
                                                    options.bibliography.filename().string(), SourceSpan{}, env));
  }
  run_parallel(chapters.size() + bibliographies.size(), [&](std::size_t i) {
    if (i >= chapters.size()) return read_references(bibliographies[i - chapters.size()]);
    Chapter& c = chapters[i];
    if (c.file) c.division.blocks = read_markdown(c.markdown, *c.lines, c.diags);
  });
  for (Chapter& c : chapters) {
    diags.append(c.diags);
    if (c.file) doc.divisions.push_back(std::move(c.division));
  }
  for (Bibliography& b : bibliographies) {
    diags.append(b.diags);
    doc.references.insert(doc.references.end(), b.references.begin(), b.references.end());
  }
}

}  // namespace

Document read_manuscript(const fs::path& source, const ReadOptions& options, Env& env, Diagnostics& diags) {
  Document doc;
  Book book;
  SourceSpan bibliography_at;
  std::vector<YamlValue> yaml_kept;  // metadata blocks whose inline references are read at the end
  const YamlValue* inline_refs = nullptr;

  if (fs::is_directory(source)) {
    book.folder = source;
    fs::path meta_path = source / "book.yaml";
    if (!stays_inside(source, "book.yaml")) {  // a link to a file elsewhere
      diags.error({env.sources.add(meta_path.lexically_normal().string()), 0, 0}, "path-outside",
                  "'book.yaml' is outside the manuscript folder");
    } else if (auto file = load_source(meta_path, env, diags)) {
      LineIndex lines(file->id, file->text);
      if (auto yaml = parse_yaml(file->text, lines, diags)) {
        yaml_kept.push_back(std::move(*yaml));
        const YamlValue& meta_yaml = yaml_kept.back();
        inline_refs = read_metadata(meta_yaml, doc.meta, diags);
        if (options.on_metadata) options.on_metadata(doc.meta);
        bibliography_at = meta_yaml.find("bibliography") ? meta_yaml.find("bibliography")->span : SourceSpan{file->id, 1, 1};
        if (const YamlValue* chapters = meta_yaml.find("chapters")) {
          for (const auto& item : chapters->items) book.chapter_spans.push_back(item.span);
          if (chapters->is_scalar()) book.chapter_spans.push_back(chapters->span);
        }
      }
    }
    if (doc.meta.chapters.empty()) {
      std::vector<fs::path> listed = markdown_files(source);
      for (const fs::path& file : listed) {
        if (stays_inside(source, file.filename().string())) {
          book.chapters.push_back(file);
        } else {  // a link to a file elsewhere
          diags.error({env.sources.add(file.lexically_normal().string()), 0, 0}, "path-outside",
                      "chapter '" + file.filename().string() + "' is outside the manuscript folder");
        }
      }
      env.inputs_read.push_back(source);  // its listing: a chapter added or removed is a change (depfiles)
      if (listed.empty()) {
        diags.error(SourceSpan{}, "no-chapters", "no chapters: '" + source.string() + "' has no .md files");
      }
    } else {
      for (std::size_t i = 0; i < doc.meta.chapters.size(); ++i) {
        const std::string& name = doc.meta.chapters[i];
        SourceSpan at = i < book.chapter_spans.size() ? book.chapter_spans[i] : SourceSpan{};
        if (!stays_inside(source, name)) {
          diags.error(at, "path-outside", "chapter '" + name + "' is outside the manuscript folder");
          continue;
        }
        fs::path p = source / name;
        if (!fs::is_regular_file(p)) {
          diags.error(at, "missing-chapter", "chapter file '" + name + "' not found");
          continue;
        }
        book.chapters.push_back(p);
      }
    }
  } else {
    book.folder = source.parent_path().empty() ? fs::path(".") : source.parent_path();
    book.chapters.push_back(source);
  }

  read_chapters(book.chapters, options, book.folder, bibliography_at, doc, &inline_refs, yaml_kept, env, diags);
  if (inline_refs) {
    auto refs = read_csl(*inline_refs, diags);
    doc.references.insert(doc.references.end(), refs.begin(), refs.end());
  }
  check_citation_keys(doc, diags);
  doc.folder = book.folder;
  return doc;
}

}  // namespace recto
