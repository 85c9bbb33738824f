// Words the book itself prints (section titles, labels), in the book's language.
#pragma once

#include <string>

namespace recto {

enum class Term { references, notes, contents, landmarks, title_page, start_of_text, colophon, cover, pages };

// The term in the language of a BCP 47 tag (its primary subtag); English when it is not known.
std::string term(Term t, const std::string& lang);

}  // namespace recto
