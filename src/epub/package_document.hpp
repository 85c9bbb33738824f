// The package document (content.opf): metadata, accessibility metadata, manifest and spine.
#pragma once

#include <string>
#include <vector>

#include "edition.hpp"
#include "package_file.hpp"
#include "tree.hpp"

namespace recto::epub {

struct Accessibility {
  bool images = false;        // the book has images, each with a text alternative
  std::string print_edition;  // the print edition whose page numbers the book marks, or ""
};

std::string package_document(const Meta& meta, const Edition& edition, const Accessibility& a11y,
                             const std::vector<PackageFile>& files);

// "Family, Given" for a name written "Given Family"; the name itself when it is one word.
std::string file_as(const std::string& name);

}  // namespace recto::epub
