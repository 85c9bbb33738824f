// Tests' view of a built EPUB: its ZIP entries in order, and its XML files parsed.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace recto::test {

struct EpubFile {
  std::vector<std::string> order;                 // entry names as stored
  std::map<std::string, std::string> entries;     // name → bytes
  std::map<std::string, bool> stored;             // name → not compressed
  std::string bytes;                              // the whole file

  // Parses an entry as XML; fails the test when it is not well-formed.
  pugi::xml_document xml(const std::string& name) const;
};

// The text of an element: its text nodes and its elements' text, in order.
std::string text_of(pugi::xml_node e);

// Calls f on every element below node, in document order.
void collect(pugi::xml_node node, const std::function<void(pugi::xml_node)>& f);

EpubFile open_epub(const std::filesystem::path& path);

// A book built once per test run by the recto binary into a temporary folder (RECTO_BINARY), in one
// of the EPUB formats of --format: epub, kepub or kindle.
struct BuiltBook {
  std::filesystem::path path;  // the .epub (.kepub.epub, .kindle.epub)
  EpubFile epub;
};
const BuiltBook& built_book(const std::string& source, const std::string& format = "epub");

// The package's files: manifest href → media type, and the spine's hrefs in order (relative to EPUB/).
struct Package {
  std::map<std::string, std::string> manifest;
  std::vector<std::string> spine;
};
Package package_of(const EpubFile& epub);

}  // namespace recto::test
