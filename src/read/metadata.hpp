// Book metadata (pandoc's keys and recto's own) from book.yaml or a YAML metadata block.
#pragma once

#include "diagnostics.hpp"
#include "tree.hpp"
#include "yaml_value.hpp"

namespace recto {

// Fills the keys of `meta` that are still empty from a YAML map; unknown keys are warnings.
// Returns the inline `references:` list if the block has one (pandoc allows it), else nullptr.
const YamlValue* read_metadata(const YamlValue& yaml, Meta& meta, Diagnostics& diags);

}  // namespace recto
