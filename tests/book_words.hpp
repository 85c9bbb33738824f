// The words of a book, as the tree has them and as readers' tools extract them: for comparing what a
// PDF or a reading engine shows with the manuscript.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace recto::test {

// Words split at white space; a word ending in a hyphen, a dash or a slash is joined with the next,
// as a line may break after them (ICU's break opportunities).
std::vector<std::string> split_words(const std::string& text);

// The tree's words in reading order: the text (with the References at its end) and the notes.
struct TreeWords {
  std::vector<std::string> text, notes;
};

// The words of the book in `source` as the PDF sets them: title page, text (note numbers after their
// word, list items with their numbers or bullets), the References; and the notes.
TreeWords expected_words(const std::filesystem::path& source);

// Checks that the words a PDF's text extraction gives are the book's: with endnotes, the text, the
// Notes and the References; with footnotes, the text and the notes interleaved, each in its order
// (each page's notes after its text).
void check_words_are_the_books(const std::vector<std::string>& got, const TreeWords& tree, bool endnotes);

// split_words, with a word hyphenated at a line's end joined again: its hyphen's text is a soft
// hyphen (U+00AD).
std::vector<std::string> words_joined_at_soft_hyphens(const std::string& text);

// A built-in theme's page, in points, and how much of its top and bottom text extraction crops off:
// the running heads and folios, which are not the book's text.
struct ThemePage {
  double height, margin_top, margin_bottom;
  int crop_top() const { return static_cast<int>(margin_top * 0.8); }
  int crop_bottom() const { return static_cast<int>(margin_bottom * 0.75); }
};
ThemePage theme_page(const std::string& theme);

// Where two word lists first differ, with five words of context on each side.
std::string first_difference(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace recto::test
