// recto's built-in numeric note style (the seed's: "Iqbal, M. Title. Site (2019)."), driven by one
// template per CSL item type.
#pragma once

#include <string>

#include "tree.hpp"

namespace recto {

// The template used for an item type (a default one for types without their own).
const std::string& style_template(const std::string& type);

// The full reference, ending with a period.
std::string render_reference(const Reference& ref, bool with_authors = true);

// Authors for running text: "Smith", "Doe & Roe", "Ruan et al."; the title when there is no author.
std::string render_in_text_authors(const Reference& ref);

// "J.Q." from "J.Q.", "J." from "John", "M.-J." from "Min-jun".
std::string initials(const std::string& given);

// A locator split off a citation suffix: ", p. 4" → {"p.", "4", ""}; "chap. 3, emphasis added" →
// {"chap.", "3", ", emphasis added"}.
struct Locator {
  std::string label, value, rest;
};
Locator parse_locator(const std::string& suffix);

}  // namespace recto
