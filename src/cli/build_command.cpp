// Running build: load once, set the pages once, make the files in memory at once (a thread per PDF),
// then write each atomically; one line.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <ostream>
#include <thread>

#include "commands.hpp"
#include "content_plan.hpp"
#include "depfile.hpp"
#include "end_process.hpp"
#include "epub.hpp"
#include "hyphenate_ahead.hpp"
#include "hyphenator.hpp"
#include "load.hpp"
#include "output_file.hpp"
#include "pdf_writer.hpp"
#include "print_edition.hpp"
#include "source_date.hpp"

#ifndef RECTO_VERSION
#define RECTO_VERSION "0.0.0"
#endif

namespace fs = std::filesystem;

namespace recto {

namespace {

// The output file stem: the title as ASCII words, else the manuscript folder's name, else "book"; at
// most 100 characters, cut between words (a title of 20,000 words made a name too long to write).
std::string output_stem(const Document& doc, const fs::path& source) {
  constexpr std::size_t kLongest = 100;
  std::string stem = epub::ascii_stem(doc.meta.title);
  if (stem.empty()) stem = epub::ascii_stem(fs::absolute(source).lexically_normal().filename().string());
  if (stem.size() > kLongest) {
    std::size_t word_end = stem.rfind('-', kLongest);
    stem.resize(word_end != std::string::npos && word_end > 0 ? word_end : kLongest);
  }
  return stem.empty() ? "book" : stem;
}

std::string size_text(std::size_t bytes) {
  return bytes < 10 * 1024 ? std::to_string(bytes) + " B" : std::to_string((bytes + 512) / 1024) + " KB";
}

// An image that libpng or libharu rejected while the PDF was made: an error at its figure.
void report_image_error(const pdf::ImageError& e, const typeset::PagedDoc& pages, Diagnostics& diags) {
  const Block* block = e.anchor.node < pages.anchor_blocks.size() ? pages.anchor_blocks[e.anchor.node] : nullptr;
  const auto* figure = block ? std::get_if<Figure>(&block->node) : nullptr;
  diags.error(block ? block->span : SourceSpan{}, "image-format",
              (figure ? "image '" + figure->url + "'" : std::string("the cover image")) +
                  " cannot be printed: " + e.what(),
              "save the image again");
}

// The EPUBs recto writes: the plain one, and the variants for Kobo and for Send to Kindle.
struct EpubKind {
  const char* format;  // as named in --format
  const char* suffix;  // of the file name
  epub::Variant variant;
};
const EpubKind epub_kinds[] = {
    {"epub", ".epub", {}},
    {"kepub", ".kepub.epub", epub::Variant::kobo()},
    {"kindle", ".kindle.epub", epub::Variant::kindle()},
};

// The themes asked for, each once, in the order asked; the book's own when none is.
std::vector<std::string> themes_asked(const BuildOptions& build, const std::string& book_theme) {
  std::vector<std::string> themes;
  for (const std::string& t : build.themes.empty() ? std::vector<std::string>{book_theme} : build.themes) {
    if (std::find(themes.begin(), themes.end(), t) == themes.end()) themes.push_back(t);
  }
  return themes;
}

struct Product {
  fs::path path;
  std::string bytes;
  std::size_t pages = 0;  // for PDFs
};

}  // namespace

int run_build(const CommonOptions& options, const BuildOptions& build, std::ostream& out, std::ostream& err) {
  auto started = std::chrono::steady_clock::now();
  bool want_pdf = false;
  std::vector<const EpubKind*> epubs;  // in the order of epub_kinds
  for (const EpubKind& kind : epub_kinds) {
    if (std::find(build.formats.begin(), build.formats.end(), kind.format) != build.formats.end()) epubs.push_back(&kind);
  }
  for (const auto& format : build.formats) {
    auto is_epub = [&](const EpubKind& kind) { return format == kind.format; };
    if (format == "pdf") want_pdf = true;
    else if (std::none_of(std::begin(epub_kinds), std::end(epub_kinds), is_epub)) {
      err << "recto: error: unknown format '" << format << "' (formats: epub, kepub, kindle, pdf)\n";
      return kUsage;
    }
  }
  const bool want_epub = !epubs.empty();
  // Every EPUB but the Kindle one follows the print edition's pages.
  const bool want_paged_epub = std::any_of(epubs.begin(), epubs.end(), [](const EpubKind* k) { return k->variant.epub_types; });
  bool epoch_ok = true;
  epub::EpubOptions epub_options;
  epub_options.source_date_epoch = source_date_epoch(epoch_ok);
  epub_options.generator = "recto " RECTO_VERSION;
  if (!epoch_ok) {
    err << "recto: error: SOURCE_DATE_EPOCH must be a number of seconds since 1970, up to the end of 9999\n";
    return kUsage;
  }

  // The manuscript is read, then its words hyphenated, on this thread, while another finds the fonts
  // of the themes the pages are set in as soon as the metadata names them (from the font memo, or
  // after loading fontconfig's configuration: some ms), until the fonts are found. Reading is the
  // longer task when the memo answers; a thread set going on an idle core starts some tenths of a
  // millisecond later, so it is the fonts' thread.
  start_workers();  // ready when the chapters and the references are read
  Loaded loaded;
  ReadOptions hooks;
  std::promise<std::vector<std::string>> themes_named;
  bool themes_told = false;
  std::atomic<bool> fonts_found{false};
  std::unique_ptr<text::FontLibrary> library;
  // The texts shaped in the book's earlier builds, read once its fonts are found (opening any other
  // face they name), before the typesetting needs them.
  const std::unique_ptr<text::ShapeMemo> shape_memo = text::ShapeMemo::for_book(options.source);
  const bool memo_there = shape_memo && shape_memo->exists();
  // Unless the shape memo holds the words hyphenated, the hyphenation patterns load on a thread of
  // their own from when book.yaml names the language, and again if a chapter's front matter names
  // another; with it, the first word it does not hold loads them.
  auto preload_patterns = [memo_there](const Meta& meta) {
    if (!memo_there) text::Hyphenator::preload(meta.language());
  };
  hooks.on_metadata = preload_patterns;
  hooks.on_complete_metadata = [&](const Meta& meta) {
    preload_patterns(meta);
    std::vector<std::string> themes = want_pdf ? themes_asked(build, default_theme(meta)) : std::vector<std::string>{};
    if (want_paged_epub && std::find(themes.begin(), themes.end(), default_theme(meta)) == themes.end()) {
      themes.push_back(default_theme(meta));
    }
    themes_named.set_value(themes);
    themes_told = true;
  };
  auto tell_no_themes = [&] {  // when the metadata is never complete: an error, an exception
    if (!themes_told) themes_named.set_value({});
  };
  std::future<void> finding = std::async(std::launch::async, [&] {
    library = std::make_unique<text::FontLibrary>();
    // The themes named on the command line are known at once; the book's own once it is read.
    const std::vector<std::string> asked = want_pdf ? build.themes : std::vector<std::string>{};
    for (const std::string& theme : asked) preload_theme_fonts(theme, *library);
    std::future<std::vector<std::string>> named = themes_named.get_future();
    // This thread has nothing else to do: it looks for the metadata rather than sleeping until told,
    // as a sleeping thread here wakes up to a millisecond late (its idle core must be woken first).
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(3);
    while (named.wait_for(std::chrono::seconds(0)) != std::future_status::ready &&
           std::chrono::steady_clock::now() < until) {
      std::this_thread::yield();
    }
    for (const std::string& theme : named.get()) {
      if (std::find(asked.begin(), asked.end(), theme) == asked.end()) preload_theme_fonts(theme, *library);
    }
    if (shape_memo) shape_memo->load(*library);
    fonts_found = true;
  });
  int read_code = kOk;
  try {
    read_code = load(options, loaded, err, hooks);
  } catch (...) {
    tell_no_themes();
    throw;
  }
  tell_no_themes();
  // Until the fonts are found, the words are hyphenated, for the typesetting to find; not when the
  // shape memo holds them.
  if (read_code == kOk && !memo_there) {
    typeset::hyphenate_ahead(loaded.doc, loaded.hyphenator, [&] { return fonts_found.load(); });
  }
  finding.get();
  text::FontLibrary& fonts = *library;
  if (read_code != kOk) {
    return read_code == kIoError ? read_code : report(options, loaded, err);
  }
  std::string stem = output_stem(loaded.doc, options.source);
  std::vector<Product> products;
  BookCover cover(loaded);
  if (want_epub) cover.start();
  // The book's own theme is its print edition: set once, for its PDF and for the EPUB's page numbers.
  const std::string book_theme = default_theme(loaded.doc.meta);
  const std::vector<std::string> themes = themes_asked(build, book_theme);
  std::optional<typeset::PagedDoc> edition;
  if (want_paged_epub || (want_pdf && std::find(themes.begin(), themes.end(), book_theme) != themes.end())) {
    edition = print_edition(loaded, book_theme, fonts, cover, shape_memo.get());
  }
  if (want_epub && edition) {
    epub_options.page_starts = page_starts(*edition);
    epub_options.print_edition = loaded.doc.meta.title + ", print edition (" + fs::path(book_theme).stem().string() +
                                 " theme, " + std::to_string(edition->pages.size()) + " pages): " + stem + ".pdf";
  }
  // Everything that reads files or reports problems runs first, in order: the other themes' pages.
  std::vector<std::pair<std::string, typeset::PagedDoc>> printed;  // file name, pages
  if (want_pdf) {
    for (const std::string& theme : themes) {
      auto pages = theme == book_theme ? std::move(edition) : print_edition(loaded, theme, fonts, cover, shape_memo.get());
      if (!pages) continue;
      std::string name = theme == book_theme ? stem + ".pdf" : stem + "-" + fs::path(theme).stem().string() + ".pdf";
      printed.emplace_back(name, std::move(*pages));
    }
  }
  // Then the files are made at once: the EPUBs beside the PDFs, once the generated cover is drawn; the
  // first PDF, the longest task, on this thread, each other PDF beside it (Beside: on the cores the
  // machine has, or by this thread when none is free).
  Beside<std::vector<Product>> epub_files([&] {
    std::vector<Product> made;
    if (want_epub && !cover.from_manuscript()) epub_options.generated_cover = cover.bytes();
    for (const EpubKind* kind : epubs) {
      epub_options.variant = kind->variant;
      made.push_back({build.out_dir / (stem + kind->suffix),
                      epub::write_epub(loaded.doc, epub_options, loaded.env, loaded.diags)});
    }
    return made;
  });
  std::vector<Beside<std::string>> pdfs;
  for (std::size_t i = 1; i < printed.size(); ++i) {
    pdfs.emplace_back([&pages = printed[i].second] { return pdf::write_pdf(pages); });
  }
  std::vector<Product> pdf_files;
  std::vector<std::pair<pdf::ImageError, std::size_t>> image_errors;  // reported once the EPUBs are made
  for (std::size_t i = 0; i < printed.size(); ++i) {
    try {
      std::string bytes = i == 0 ? pdf::write_pdf(printed[0].second) : pdfs[i - 1].get();
      pdf_files.push_back({build.out_dir / printed[i].first, std::move(bytes), printed[i].second.pages.size()});
    } catch (const pdf::ImageError& e) {
      image_errors.emplace_back(e, i);
    }
  }
  products = epub_files.get();
  for (Product& p : pdf_files) products.push_back(std::move(p));
  for (const auto& [e, i] : image_errors) report_image_error(e, printed[i].second, loaded.diags);
  if (int code = report(options, loaded, err); code != kOk) return code;

  std::error_code ec;
  fs::create_directories(build.out_dir, ec);
  std::string summary;
  for (const Product& p : products) {
    if (std::string problem = ec ? ec.message() : write_file_atomically(p.path, p.bytes); !problem.empty()) {
      err << "recto: error: cannot write '" << p.path.string() << "': " << problem << "\n";
      return kIoError;
    }
    summary += (summary.empty() ? "" : ", ") + p.path.string() + " (" +
               (p.pages ? std::to_string(p.pages) + " pages, " : "") + size_text(p.bytes.size()) + ")";
  }
  if (!build.depfile.empty()) {
    std::vector<fs::path> targets, inputs = loaded.env.inputs_read;
    for (const Product& p : products) targets.push_back(p.path);
    for (const std::string& f : fonts.files()) inputs.emplace_back(f);
    for (const std::string& f : cover.font_files()) inputs.emplace_back(f);
    if (std::string problem = write_file_atomically(build.depfile, make_depfile(targets, inputs)); !problem.empty()) {
      err << "recto: error: cannot write '" << build.depfile.string() << "': " << problem << "\n";
      return kIoError;
    }
  }
  if (shape_memo) shape_memo->save();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  if (!build.quiet) out << "recto: wrote " << summary << " in " << ms.count() << " ms\n";
  return end_process(kOk, out, err);
}

}  // namespace recto
