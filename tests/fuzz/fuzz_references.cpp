// libFuzzer target: a CSL YAML/JSON reference list read, every item cited and rendered as notes and
// a References section.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "csl_references.hpp"
#include "line_index.hpp"
#include "outline.hpp"
#include "resolve.hpp"
#include "yaml_value.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace recto;
  Env env;
  Diagnostics diags;
  const std::string text(reinterpret_cast<const char*>(data), size);
  LineIndex lines(env.sources.add("references.yaml"), text);
  auto yaml = parse_yaml(text, lines, diags);
  if (!yaml) return 0;
  Document doc;
  doc.references = read_csl(*yaml, diags);
  // One paragraph that cites every item, with a locator, so that each is rendered in a note and
  // listed.
  Cite cite;
  for (const Reference& r : doc.references) {
    Citation c;
    c.id = r.id;
    c.suffix.push_back(Inline{Str{", p. 3"}, {}});
    cite.citations.push_back(std::move(c));
  }
  Para para;
  para.content.push_back(Inline{std::move(cite), {}});
  Division division;
  division.blocks.push_back(Block{std::move(para), {}});
  doc.divisions.push_back(std::move(division));
  doc = resolve(std::move(doc), ResolveOptions{}, env, diags);
  std::ostringstream out;
  print_outline_text(out, outline(doc, env.sources));
  return 0;
}
