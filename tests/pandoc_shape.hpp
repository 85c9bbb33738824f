// One normalised text form ("shape") of a document, made from recto's tree or from pandoc's JSON AST.
//
// A block is a line (children indented); inline text is written as it reads, with pandoc's Str/Space
// runs merged as recto merges them, and every other inline as ⟦Kind …⟧. Both sides are mapped to the
// shape pandoc 2.17's commonmark reader gives: an implicit figure is a Para holding an Image, smart quotes
// are characters, table cells are their inline content. A recto Cite is ⟦Cite⟧; for pandoc's
// commonmark_x reader (which has no citations) each citation in the source is replaced by the text
// ⟦Cite⟧, found by the literal that pandoc's markdown reader reports for it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tree.hpp"

namespace recto::test {

std::string shape_of(const Blocks& blocks);
std::string shape_of_pandoc(const nlohmann::json& blocks);

// Each citation as "@id mode | prefix | suffix", in document order (notes at their reference).
std::vector<std::string> citations_of(const Blocks& blocks);
std::vector<std::string> pandoc_citations(const nlohmann::json& blocks);

// The source text of each pandoc Cite (its second field), white space as single spaces.
std::vector<std::string> pandoc_cite_literals(const nlohmann::json& blocks);

// Replaces in the Markdown source each literal's first occurrence by ⟦Cite⟧ (a space in a literal
// matches any run of white space). Not in order: pandoc lists a note's citations where the note is
// referenced, the source has them where the note is defined.
std::string mask_citations(std::string source, const std::vector<std::string>& literals);

// Each implicit figure as pandoc's markdown reader gives it: an Image titled "fig:…" alone in a Para.
std::vector<std::string> figures_of(const Blocks& blocks);
std::vector<std::string> pandoc_figures(const nlohmann::json& blocks);

// Each heading as "h<level> #id".
std::vector<std::string> header_ids_of(const Blocks& blocks);
std::vector<std::string> pandoc_header_ids(const nlohmann::json& blocks);

}  // namespace recto::test
