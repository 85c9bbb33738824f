// libFuzzer target: a one-file manuscript (front matter, Markdown, inline references) built to an
// EPUB and a PDF in memory, through the same stages as `recto build`. What follows a line
// "=== theme ===" is the file theme.yaml, which the front matter may name (`theme: theme.yaml`).
#include <cstddef>
#include <cstdint>
#include <string>

#include "epub.hpp"
#include "load.hpp"
#include "manuscript.hpp"
#include "palette_png.hpp"
#include "pdf_writer.hpp"
#include "print_edition.hpp"
#include "resolve.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace recto;
  // Fonts are found and opened once for the whole run, as one build opens them once.
  static text::FontLibrary fonts;
  static const std::string image =
      cover::palette_png(3, {{0, 1, 0}, {1, 0, 1}}, {{200, 0, 0}, {0, 0, 200}});
  Loaded loaded;
  // Nothing here is on the disk: all is in memory.
  const std::filesystem::path folder = "/recto-fuzz";
  std::string input(reinterpret_cast<const char*>(data), size);
  const std::string separator = "\n=== theme ===\n";
  if (std::size_t at = input.find(separator); at != std::string::npos) {
    loaded.env.memory_files[folder / "theme.yaml"] = input.substr(at + separator.size());
    input.resize(at + 1);
  }
  loaded.env.memory_files[folder / "book.md"] = input;
  loaded.env.memory_files[folder / "image.png"] = image;
  loaded.doc = read_manuscript(folder / "book.md", ReadOptions{}, loaded.env, loaded.diags);
  loaded.doc = resolve(std::move(loaded.doc), ResolveOptions{}, loaded.env, loaded.diags);
  if (loaded.diags.has_errors()) return 0;
  BookCover cover(loaded);
  auto pages = print_edition(loaded, default_theme(loaded.doc.meta), fonts, cover);
  if (!pages) return 0;
  epub::EpubOptions options;
  options.page_starts = page_starts(*pages);
  options.print_edition = "print edition";
  std::string epub = epub::write_epub(loaded.doc, options, loaded.env, loaded.diags);
  if (loaded.diags.has_errors()) return 0;
  std::string pdf = pdf::write_pdf(*pages);
  if (epub.empty() || pdf.empty()) __builtin_trap();  // a book without errors is always written
  return 0;
}
