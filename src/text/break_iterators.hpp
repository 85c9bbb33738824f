// ICU's break iterators over UTF-8 text: the byte offsets of their boundaries (shared by line and
// sentence breaks; ICU's headers stay in break_iterators.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace recto::text {

enum class BreakKind { line, sentence };

// Byte offsets (0 < offset < size) where ICU's iterator of that kind, for the language (BCP 47),
// puts a boundary; empty when it puts none inside (or ICU has no iterator for it).
std::vector<std::size_t> icu_boundaries(std::string_view text, const std::string& lang, BreakKind kind);

}  // namespace recto::text
