// Where a text may break between lines without a space, from ICU's line break iterator (UAX #14):
// between ideographs, after hyphens and dashes, after slashes in URLs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace recto::text {

// Byte offsets (0 < offset < size) where a line may break inside a text that has no spaces, for the
// language (BCP 47); empty when it may break nowhere inside.
std::vector<std::size_t> break_opportunities(std::string_view text, const std::string& lang);

}  // namespace recto::text
