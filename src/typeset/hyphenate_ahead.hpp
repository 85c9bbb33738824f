// Hyphenating a book's words ahead of the typesetting, while the thread would otherwise wait.
#pragma once

#include <functional>

#include "hyphenator.hpp"
#include "tree.hpp"

namespace recto::typeset {

// Finds the hyphenation points of the words of the document's text, cut as the typesetter cuts them
// (at spaces), in the book's language and in reading order, into the hyphenator's cache, until `stop`
// (asked after every word) says to. A typesetter sharing the hyphenator then finds them known.
void hyphenate_ahead(const Document& doc, text::Hyphenator& hyphenator, const std::function<bool()>& stop);

}  // namespace recto::typeset
