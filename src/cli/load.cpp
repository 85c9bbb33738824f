// Loading a manuscript for a command, and reporting what was found.
#include "load.hpp"

#include <ostream>

#include "resolve.hpp"

namespace recto {

int load(const CommonOptions& options, Loaded& loaded, std::ostream& err, ReadOptions hooks) {
  std::error_code ec;
  if (!std::filesystem::exists(options.source, ec)) {
    err << "recto: error: cannot read '" << options.source.string() << "': no such file or folder\n";
    return kIoError;
  }
  hooks.bibliography = options.bibliography;
  loaded.doc = read_manuscript(options.source, hooks, loaded.env, loaded.diags);
  if (!options.raw) loaded.doc = resolve(std::move(loaded.doc), ResolveOptions{}, loaded.env, loaded.diags);
  return loaded.diags.has_errors() ? kManuscriptError : kOk;
}

int report(const CommonOptions& options, Loaded& loaded, std::ostream& err) {
  if (options.strict) loaded.diags.promote_warnings();
  loaded.diags.print(err, loaded.env.sources, options.diagnostics);
  return loaded.diags.has_errors() ? kManuscriptError : kOk;
}

}  // namespace recto
