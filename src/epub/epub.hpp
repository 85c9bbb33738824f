// The EPUB writer: a resolved document → the bytes of an EPUB 3 file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.hpp"
#include "env.hpp"
#include "page_marks.hpp"
#include "tree.hpp"
#include "variant.hpp"

namespace recto::epub {

struct EpubOptions {
  std::optional<std::int64_t> source_date_epoch;  // SOURCE_DATE_EPOCH, when set
  std::string generator = "recto";                // named in the colophon, e.g. "recto 0.1.0"
  std::string generated_cover;  // a PNG, the cover of a book whose manuscript names no cover-image
  // The print edition the EPUB follows: where each of its pages begins, and its name (dc:source).
  std::vector<PageStart> page_starts;
  std::string print_edition;
  // The readers it is made for: the plain EPUB, Variant::kobo() (a kepub) or Variant::kindle().
  Variant variant;
};

// The EPUB file's bytes; "" when an error was reported (a missing image, say).
std::string write_epub(const Document& doc, const EpubOptions& options, Env& env, Diagnostics& diags);

}  // namespace recto::epub
