// The tree → tree passes that both outputs share: notes and citations, the bibliography, ids, and the
// check of every image named.
#pragma once

#include "diagnostics.hpp"
#include "env.hpp"
#include "tree.hpp"

namespace recto {

struct ResolveOptions {};

Document resolve(Document doc, const ResolveOptions& options, Env& env, Diagnostics& diags);

}  // namespace recto
