// The book's stylesheet: recto's epub.css without the rules for classes the book does not use.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace recto::epub {

// Every class named in class="…" attributes of the documents.
std::set<std::string> used_classes(const std::vector<const std::string*>& documents);

// The stylesheet without the rules (blocks of "selectors { … }" separated by blank lines) whose
// selectors name a class that is not used. Comments are kept.
std::string prune_stylesheet(const std::string& css, const std::set<std::string>& classes);

}  // namespace recto::epub
