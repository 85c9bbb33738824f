// Running check and tree: read the manuscript, report diagnostics, choose the exit code.
#include "commands.hpp"

#include <ostream>

#include "load.hpp"
#include "outline.hpp"
#include "print_edition.hpp"
#include "typeset.hpp"

namespace recto {

int run_check(const CommonOptions& options, std::ostream&, std::ostream& err) {
  Loaded loaded;
  if (int code = load(options, loaded, err); code == kIoError) return code;
  return report(options, loaded, err);
}

int run_tree(const CommonOptions& options, bool json, std::ostream& out, std::ostream& err) {
  Loaded loaded;
  if (int code = load(options, loaded, err); code == kIoError) return code;
  int code = report(options, loaded, err);
  OutlineNode root = outline(loaded.doc, loaded.env.sources);
  if (json) {
    print_outline_json(out, root);
  } else {
    print_outline_text(out, root);
  }
  return code;
}

int run_pages(const CommonOptions& options, const std::string& theme, std::ostream& out, std::ostream& err) {
  Loaded loaded;
  if (int code = load(options, loaded, err); code != kOk) return code == kIoError ? code : report(options, loaded, err);
  text::FontLibrary fonts;
  BookCover cover(loaded);
  auto pages = print_edition(loaded, theme.empty() ? default_theme(loaded.doc.meta) : theme, fonts, cover);
  int code = report(options, loaded, err);
  if (pages) out << typeset::dump_pages(*pages);
  return code;
}

}  // namespace recto
