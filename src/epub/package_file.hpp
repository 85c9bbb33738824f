// One file of the EPUB's publication folder, as the manifest lists it.
#pragma once

#include <string>

namespace recto::epub {

struct PackageFile {
  std::string href;        // relative to the package document, e.g. "images/harbour.png"
  std::string id;          // manifest id
  std::string media_type;
  std::string properties;  // manifest properties ("nav", "cover-image"), space-separated
  std::string data;
  bool in_spine = false;
};

}  // namespace recto::epub
