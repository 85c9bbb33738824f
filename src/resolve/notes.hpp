// Footnotes and citations in one note sequence: numbered in order of appearance, each citation
// (or bracket of citations) becoming a note whose text is the rendered reference.
#pragma once

#include <string>
#include <vector>

#include "diagnostics.hpp"
#include "tree.hpp"

namespace recto {

// Returns the ids of the cited references in order of first citation.
std::vector<std::string> number_notes(Document& doc);

}  // namespace recto
