// libFuzzer target: book.yaml read as YAML and as book metadata.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "line_index.hpp"
#include "metadata.hpp"
#include "yaml_value.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace recto;
  Sources sources;
  Diagnostics diags;
  const std::string text(reinterpret_cast<const char*>(data), size);
  LineIndex lines(sources.add("book.yaml"), text);
  if (auto yaml = parse_yaml(text, lines, diags)) {
    Meta meta;
    read_metadata(*yaml, meta, diags);
  }
  std::ostringstream out;
  diags.print(out, sources);
  return 0;
}
