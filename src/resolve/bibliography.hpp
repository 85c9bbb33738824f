// The References division: every cited item once, in note order, each with an id the notes link to.
#pragma once

#include <string>
#include <vector>

#include "tree.hpp"

namespace recto {

// Appends the division when anything is cited.
void add_bibliography(Document& doc, const std::vector<std::string>& cited_ids);

}  // namespace recto
