// CSL references (CSL YAML or CSL JSON, read through the YAML wrapper) into Reference values.
#pragma once

#include <vector>

#include "diagnostics.hpp"
#include "tree.hpp"
#include "yaml_value.hpp"

namespace recto {

// Accepts a list of items or a map with a `references:` list (pandoc's form); duplicate ids and
// items without an id are errors.
std::vector<Reference> read_csl(const YamlValue& yaml, Diagnostics& diags);

}  // namespace recto
