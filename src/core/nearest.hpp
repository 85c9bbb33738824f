// "Did you mean …": the candidate closest to a misspelt name, by edit distance.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace recto {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The nearest candidate within a distance of about a third of the word, or "" if none is close.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace recto
