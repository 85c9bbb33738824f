// Running build: load, write each format to a temporary file and rename it, report one line.
#include <chrono>
#include <cstdlib>
#include <ostream>

#include "commands.hpp"
#include "content_plan.hpp"
#include "epub.hpp"
#include "load.hpp"
#include "output_file.hpp"

#ifndef RECTO_VERSION
#define RECTO_VERSION "0.0.0"
#endif

namespace fs = std::filesystem;

namespace recto {

namespace {

// The output file stem: the title as ASCII words, else the manuscript folder's name, else "book".
std::string output_stem(const Document& doc, const fs::path& source) {
  std::string stem = epub::ascii_stem(doc.meta.title);
  if (stem.empty()) stem = epub::ascii_stem(fs::absolute(source).lexically_normal().filename().string());
  return stem.empty() ? "book" : stem;
}

// SOURCE_DATE_EPOCH (reproducible-builds.org): nullopt when unset; false in `ok` when not a number.
std::optional<std::int64_t> source_date_epoch(bool& ok) {
  ok = true;
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return std::nullopt;
  char* end = nullptr;
  long long seconds = std::strtoll(value, &end, 10);
  ok = *end == '\0' && seconds >= 0;
  return seconds;
}

std::string size_text(std::size_t bytes) {
  return bytes < 10 * 1024 ? std::to_string(bytes) + " B" : std::to_string((bytes + 512) / 1024) + " KB";
}

}  // namespace

int run_build(const CommonOptions& options, const BuildOptions& build, std::ostream& out, std::ostream& err) {
  auto started = std::chrono::steady_clock::now();
  for (const auto& format : build.formats) {
    if (format != "epub") {
      err << "recto: error: unknown format '" << format << "' (this version writes: epub)\n";
      return kUsage;
    }
  }
  bool epoch_ok = true;
  epub::EpubOptions epub_options{source_date_epoch(epoch_ok), "recto " RECTO_VERSION};
  if (!epoch_ok) {
    err << "recto: error: SOURCE_DATE_EPOCH must be a number of seconds since 1970\n";
    return kUsage;
  }

  Loaded loaded;
  if (int code = load(options, loaded, err); code != kOk) return code == kIoError ? code : report(options, loaded, err);
  std::string epub = epub::write_epub(loaded.doc, epub_options, loaded.env, loaded.diags);
  if (int code = report(options, loaded, err); code != kOk) return code;

  std::error_code ec;
  fs::create_directories(build.out_dir, ec);
  fs::path path = build.out_dir / (output_stem(loaded.doc, options.source) + ".epub");
  if (std::string problem = ec ? ec.message() : write_file_atomically(path, epub); !problem.empty()) {
    err << "recto: error: cannot write '" << path.string() << "': " << problem << "\n";
    return kIoError;
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  if (!build.quiet) {
    out << "recto: wrote " << path.string() << " (" << size_text(epub.size()) << ") in " << ms.count() << " ms\n";
  }
  return kOk;
}

}  // namespace recto
