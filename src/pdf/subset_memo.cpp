// The subset memo's entries: named by a hash of their key, which the file begins with and is checked
// against; then the glyph ids and the deflated program; written atomically, the oldest removed.
#include "subset_memo.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <fstream>

#include "cache_folder.hpp"
#include "output_file.hpp"

namespace recto::pdf {

namespace {

constexpr const char* kFormat = "recto subset memo 1";
constexpr const char* kExtension = ".subset";

std::string key_of(const text::FontFace& face, const std::set<std::uint32_t>& glyphs) {
  std::string key = std::string(kFormat) + "\nexe " + executable_identity() + "\n";
  for (const void* function : {reinterpret_cast<const void*>(&hb_face_create),
                               reinterpret_cast<const void*>(&hb_subset_plan_create_or_fail)}) {
    key += "library " + library_identity(function) + "\n";
  }
  key += "face " + face.path + "\t" + std::to_string(face.index) + "\t" + path_state(face.path) + "\nglyphs";
  for (std::uint32_t g : glyphs) key += " " + std::to_string(g);
  return key + "\n";
}

// Numbers in the file: four bytes, little-endian.
void put_u32(std::string& out, std::uint32_t v) {
  for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((v >> shift) & 0xff);
}

bool take_u32(std::string_view& in, std::uint32_t& v) {
  if (in.size() < 4) return false;
  v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[i])) << (8 * i);
  in.remove_prefix(4);
  return true;
}

}  // namespace

SubsetMemo::SubsetMemo(const text::FontFace& face, const std::set<std::uint32_t>& glyphs) {
  if (std::optional<std::filesystem::path> folder = cache_folder()) {
    key_ = key_of(face, glyphs);
    file_ = *folder / "subsets" / (hex_hash(key_) + kExtension);
  }
}

std::optional<EmbeddedSubset> SubsetMemo::load() const {
  if (!file_) return std::nullopt;
  std::ifstream in(*file_, std::ios::binary | std::ios::ate);
  std::string bytes(in ? static_cast<std::size_t>(in.tellg()) : 0, '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return std::nullopt;
  std::string_view rest(bytes);
  if (rest.substr(0, key_.size()) != key_) return std::nullopt;
  rest.remove_prefix(key_.size());
  EmbeddedSubset subset;
  std::uint32_t count = 0, length = 0, size = 0;
  if (!take_u32(rest, count) || count > rest.size() / 4) return std::nullopt;
  subset.old_glyph.resize(count);
  for (std::uint32_t& g : subset.old_glyph) take_u32(rest, g);
  if (!take_u32(rest, length) || !take_u32(rest, size) || size != rest.size() || size == 0) return std::nullopt;
  subset.program_length = length;
  subset.program.assign(rest);
  return subset;
}

void SubsetMemo::save(const EmbeddedSubset& subset) const {
  if (!file_) return;
  std::error_code ec;
  std::filesystem::create_directories(file_->parent_path(), ec);
  if (ec) return;
  std::string bytes = key_;
  put_u32(bytes, static_cast<std::uint32_t>(subset.old_glyph.size()));
  for (std::uint32_t g : subset.old_glyph) put_u32(bytes, g);
  put_u32(bytes, static_cast<std::uint32_t>(subset.program_length));
  put_u32(bytes, static_cast<std::uint32_t>(subset.program.size()));
  bytes += subset.program;
  if (!write_file_atomically(*file_, bytes).empty()) return;
  keep_newest(file_->parent_path(), kExtension, kKept);
}

}  // namespace recto::pdf
