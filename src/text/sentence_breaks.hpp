// Where sentences end, from ICU's sentence break iterator (UAX #29) in the text's language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace recto::text {

// Byte offsets (0 < offset < size) where a sentence ends and the next begins; the space after a
// sentence stays with it ("One. Two." → {5}). Empty for a single sentence.
std::vector<std::size_t> sentence_boundaries(std::string_view text, const std::string& lang);

}  // namespace recto::text
