// What every command does first: read the manuscript, resolve it, report its diagnostics.
#pragma once

#include <iosfwd>

#include "commands.hpp"
#include "diagnostics.hpp"
#include "env.hpp"
#include "hyphenator.hpp"
#include "manuscript.hpp"
#include "tree.hpp"

namespace recto {

struct Loaded {
  Env env;
  Diagnostics diags;
  Document doc;
  text::Hyphenator hyphenator;  // the words' hyphenation points, found once for every edition
};

// Reads (and unless options.raw, resolves) the manuscript; returns kOk, kManuscriptError or kIoError.
// Diagnostics are not printed: the caller prints them once its own stage has added its own.
// `hooks` are called as the metadata is read (ReadOptions; its bibliography is the command line's).
int load(const CommonOptions& options, Loaded& loaded, std::ostream& err, ReadOptions hooks = {});

// Prints the diagnostics (warnings promoted under --strict); the exit code they call for.
int report(const CommonOptions& options, Loaded& loaded, std::ostream& err);

}  // namespace recto
