// The /ToUnicode CMap of an Identity-H font: which text each 2-byte glyph code stands for.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace recto::pdf {

// A CMap program mapping each code (a subset glyph id) to its UTF-8 text, which may be several
// characters (a ligature maps to all its letters). Codes with empty text are left out.
std::string to_unicode_cmap(const std::map<std::uint32_t, std::string>& code_text);

}  // namespace recto::pdf
