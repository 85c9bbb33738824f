// Writing the CMap in the form of Adobe's technical note #5411, bfchar blocks of at most 100
// entries.
#include "to_unicode_cmap.hpp"

#include <vector>

#include "pdf_syntax.hpp"

namespace recto::pdf {

std::string to_unicode_cmap(const std::map<std::uint32_t, std::string>& code_text) {
  std::vector<std::string> entries;
  for (const auto& [code, text] : code_text) {
    if (!text.empty()) entries.push_back("<" + hex4(code) + "> <" + utf16be_hex(text) + ">\n");
  }
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n"
      "<0000> <FFFF>\n"
      "endcodespacerange\n";
  constexpr std::size_t kBlock = 100;  // the most entries one bfchar block may hold
  for (std::size_t start = 0; start < entries.size(); start += kBlock) {
    std::size_t end = std::min(entries.size(), start + kBlock);
    cmap += std::to_string(end - start) + " beginbfchar\n";
    for (std::size_t i = start; i < end; ++i) cmap += entries[i];
    cmap += "endbfchar\n";
  }
  cmap +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return cmap;
}

}  // namespace recto::pdf
