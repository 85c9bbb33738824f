// libFuzzer target: YAML read as book metadata (book.yaml) and as a PDF theme (a theme file).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "line_index.hpp"
#include "metadata.hpp"
#include "stylesheet.hpp"
#include "yaml_value.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace recto;
  Env env;
  Diagnostics diags;
  const std::string text(reinterpret_cast<const char*>(data), size);
  LineIndex lines(env.sources.add("book.yaml"), text);
  if (auto yaml = parse_yaml(text, lines, diags)) {
    Meta meta;
    read_metadata(*yaml, meta, diags);
  }
  const std::filesystem::path folder = "/recto-fuzz";  // served from memory
  env.memory_files[folder / "theme.yaml"] = text;
  style::load_theme("theme.yaml", folder, env, diags);
  std::ostringstream out;
  diags.print(out, env.sources);
  return 0;
}
