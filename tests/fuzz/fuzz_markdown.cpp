// libFuzzer target: one Markdown chapter (front matter, pandoc extensions) read and resolved, in
// memory.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "manuscript.hpp"
#include "outline.hpp"
#include "resolve.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace recto;
  Env env;
  Diagnostics diags;
  const std::filesystem::path path = "/recto-fuzz/chapter.md";  // served from memory
  env.memory_files[path] = std::string(reinterpret_cast<const char*>(data), size);
  Document doc = read_manuscript(path, ReadOptions{}, env, diags);
  doc = resolve(std::move(doc), ResolveOptions{}, env, diags);
  std::ostringstream out;
  print_outline_text(out, outline(doc, env.sources));
  diags.print(out, env.sources);
  return 0;
}
