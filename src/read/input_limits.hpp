// Limits that keep reading a chapter bounded in time and stack, whatever it holds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace recto {

// The manuscript's text files (chapters, book.yaml, reference lists) together are at most this
// large: setting 1 MB of text takes some 250 MB of memory and 2 seconds, and 10 MB is some 1.5 million
// words, three times War and Peace. The file that goes beyond is an error, and is not read.
inline constexpr std::uintmax_t max_text_bytes = 10'000'000;

// Blocks and inlines nested deeper than this (quotes in quotes, emphasis in emphasis) are an error.
inline constexpr int max_nesting = 100;

// A paragraph with more '[' than this is an error: cmark-gfm 0.29 takes quadratic time over
// unclosed brackets (CVE-2023-22486, "![[]()" repeated).
inline constexpr std::size_t max_brackets_per_paragraph = 2000;

// The 1-based line where the first paragraph (text between blank lines) with too many brackets
// starts, or 0 when there is none.
std::size_t paragraph_with_too_many_brackets(std::string_view text);

}  // namespace recto
