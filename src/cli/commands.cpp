// Running check and tree: read the manuscript, report diagnostics, choose the exit code.
#include "commands.hpp"

#include <ostream>

#include "diagnostics.hpp"
#include "env.hpp"
#include "manuscript.hpp"
#include "outline.hpp"
#include "resolve.hpp"

namespace recto {
namespace {

struct Loaded {
  Env env;
  Diagnostics diags;
  Document doc;
};

// Reads the manuscript; returns an exit code when the run must stop here.
int load(const CommonOptions& options, Loaded& loaded, std::ostream& err) {
  std::error_code ec;
  if (!std::filesystem::exists(options.source, ec)) {
    err << "recto: error: cannot read '" << options.source.string() << "': no such file or folder\n";
    return kIoError;
  }
  loaded.doc = read_manuscript(options.source, ReadOptions{options.bibliography}, loaded.env, loaded.diags);
  if (!options.raw) loaded.doc = resolve(std::move(loaded.doc), ResolveOptions{}, loaded.env, loaded.diags);
  if (options.strict) loaded.diags.promote_warnings();
  loaded.diags.print(err, loaded.env.sources);
  return loaded.diags.has_errors() ? kManuscriptError : kOk;
}

}  // namespace

int run_check(const CommonOptions& options, std::ostream&, std::ostream& err) {
  Loaded loaded;
  return load(options, loaded, err);
}

int run_tree(const CommonOptions& options, bool json, std::ostream& out, std::ostream& err) {
  Loaded loaded;
  int code = load(options, loaded, err);
  if (code == kIoError) return code;
  OutlineNode root = outline(loaded.doc, loaded.env.sources);
  if (json) {
    print_outline_json(out, root);
  } else {
    print_outline_text(out, root);
  }
  return code;
}

}  // namespace recto
