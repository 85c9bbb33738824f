// The shape memo's file: a text head (format, executable, HarfBuzz, pattern files and languages,
// faces, each with its state), then the texts in binary (numbers little-endian, glyphs as in
// memory); read whole and checked, written atomically.
#include "shape_memo.hpp"

#include <hb.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <type_traits>
#include <unordered_map>

#include "cache_folder.hpp"
#include "output_file.hpp"

namespace recto::text {

namespace {

constexpr const char* kFormat = "recto shape memo 1";
constexpr const char* kEndOfHead = "--";
constexpr std::uint32_t kNoFace = 0xffffffff;
// Glyphs are kept as they are in memory: their layout and the machine's byte order are in the head.
static_assert(std::is_trivially_copyable_v<ShapedGlyph>);
const std::string kGlyphs = "glyphs " + std::to_string(sizeof(ShapedGlyph)) + " " +
                            (std::endian::native == std::endian::little ? "little" : "big") + "-endian";

// The texts' part of the file.
class Writer {
 public:
  void u8(std::uint8_t v) { out += static_cast<char>(v); }
  void u32(std::uint32_t v) {
    const char bytes[4] = {static_cast<char>(v & 0xff), static_cast<char>((v >> 8) & 0xff),
                           static_cast<char>((v >> 16) & 0xff), static_cast<char>(v >> 24)};
    out.append(bytes, sizeof bytes);
  }
  void i64(std::int64_t v) {
    const auto u = static_cast<std::uint64_t>(v);
    u32(static_cast<std::uint32_t>(u));
    u32(static_cast<std::uint32_t>(u >> 32));
  }
  void text(const std::string& s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out += s;
  }
  void glyphs(const std::vector<ShapedGlyph>& glyphs) {  // as they are in memory (kGlyphs)
    u32(static_cast<std::uint32_t>(glyphs.size()));
    out.append(reinterpret_cast<const char*>(glyphs.data()), glyphs.size() * sizeof(ShapedGlyph));
  }
  void offsets(const std::vector<std::size_t>& v) {
    u32(static_cast<std::uint32_t>(v.size()));
    for (std::size_t x : v) u32(static_cast<std::uint32_t>(x));
  }
  std::string out;
};

// Reads what Writer wrote; once past the end, every read gives 0 and ok() is false.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return at_ == in_.size(); }
  std::uint8_t u8() { return take(1) ? static_cast<std::uint8_t>(in_[at_ - 1]) : 0; }
  std::uint32_t u32() {
    if (!take(4)) return 0;
    const auto* b = reinterpret_cast<const unsigned char*>(in_.data() + at_ - 4);
    return static_cast<std::uint32_t>(b[0] | b[1] << 8 | b[2] << 16) | static_cast<std::uint32_t>(b[3]) << 24;
  }
  std::int64_t i64() {
    const std::uint64_t low = u32();
    return static_cast<std::int64_t>(low | static_cast<std::uint64_t>(u32()) << 32);
  }
  std::string_view text() {
    const std::uint32_t size = u32();
    return take(size) ? in_.substr(at_ - size, size) : std::string_view();
  }
  // Glyphs as Writer::glyphs wrote them, into `glyphs` when given, else skipped.
  void glyphs(std::vector<ShapedGlyph>* glyphs) {
    const std::uint32_t count = u32();
    if (count > (in_.size() - at_) / sizeof(ShapedGlyph)) {
      ok_ = false;
      return;
    }
    if (glyphs) {
      glyphs->resize(count);
      std::memcpy(glyphs->data(), in_.data() + at_, count * sizeof(ShapedGlyph));
    }
    at_ += count * sizeof(ShapedGlyph);
  }
  // Offsets into `offsets` when given, else skipped.
  void offsets(std::vector<std::size_t>* offsets) {
    const std::uint32_t count = u32();
    if (count > (in_.size() - at_) / 4) {
      ok_ = false;
      return;
    }
    if (!offsets) {
      at_ += std::size_t{count} * 4;
      return;
    }
    offsets->resize(count);
    for (std::size_t& x : *offsets) x = u32();
  }

 private:
  bool take(std::size_t n) {
    if (!ok_ || n > in_.size() - at_) return ok_ = false;
    at_ += n;
    return true;
  }
  std::string_view in_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

std::string harfbuzz_identity() {
  return std::string(hb_version_string()) + " " + library_identity(reinterpret_cast<const void*>(&hb_shape));
}

}  // namespace

std::unique_ptr<ShapeMemo> ShapeMemo::for_book(const std::filesystem::path& source) {
  std::optional<std::filesystem::path> folder = cache_folder();
  if (!folder) return nullptr;
  std::error_code ec;
  const std::string book = std::filesystem::absolute(source, ec).lexically_normal().string();
  return std::make_unique<ShapeMemo>(*folder / "shapes" / (hex_hash(executable_path() + "\n" + book) + ".memo"));
}

ShapeMemo::ShapeMemo(std::filesystem::path file) : file_(std::move(file)) {}

bool ShapeMemo::exists() const {
  std::error_code ec;
  return std::filesystem::is_regular_file(file_, ec);
}

bool ShapeMemo::load(const FontLibrary& fonts) {
  std::ifstream in(file_, std::ios::binary | std::ios::ate);
  std::string bytes(in ? static_cast<std::size_t>(in.tellg()) : 0, '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return false;
  std::size_t at = 0;
  auto next_line = [&](std::string& line) {
    const std::size_t end = bytes.find('\n', at);
    if (end == std::string::npos) return false;
    line.assign(bytes, at, end - at);
    at = end + 1;
    return true;
  };
  std::string line;
  if (!next_line(line) || line != kFormat) return false;
  if (!next_line(line) || line != "exe " + executable_identity()) return false;
  if (!next_line(line) || line != "harfbuzz " + harfbuzz_identity()) return false;
  if (!next_line(line) || line != kGlyphs) return false;
  std::vector<const FontFace*> faces;  // null: not open in this build, its texts are left out
  while (next_line(line) && line != kEndOfHead) {
    // "pattern PATH\tSTATE", "language TAG\tPATTERN FILE" or "face PATH\tINDEX\tSTATE"
    const std::size_t space = line.find(' ');
    if (space == std::string::npos) return false;
    const std::string kind = line.substr(0, space);
    const std::vector<std::string> f = tab_fields(line.substr(space + 1));
    if (kind == "pattern" && f.size() == 2) {
      if (path_state(f[0]) != f[1]) return false;
    } else if (kind == "language" && f.size() == 2) {
      if (Hyphenator::pattern_file(f[0]) != f[1]) return false;
    } else if (kind == "face" && f.size() == 3 && !f[1].empty() && f[1].size() < 6 &&
               f[1].find_first_not_of("0123456789") == std::string::npos) {
      if (path_state(f[0]) != f[2]) return false;
      faces.push_back(fonts.open_already(f[0], static_cast<unsigned>(std::stoul(f[1]))));
    } else {
      return false;
    }
  }
  if (line != kEndOfHead) return false;

  Reader r(std::string_view(bytes).substr(at));
  bool damaged = false;  // a face the head does not list
  auto face = [&](std::uint32_t n, bool& known) -> const FontFace* {
    if (n == kNoFace) return nullptr;
    damaged = damaged || n >= faces.size();
    const FontFace* f = n < faces.size() ? faces[n] : nullptr;
    known = known && f;
    return f;
  };
  std::deque<Entry> entries;
  const std::uint32_t count = r.u32();
  for (std::uint32_t i = 0; r.ok() && i < count; ++i) {
    bool known = true;  // every face of the text is open
    Entry e;
    e.style.face = face(r.u32(), known);
    const std::uint32_t family = r.u32();
    e.style.family_face = face(family, known);
    if (!e.style.face) known = false;
    const std::uint8_t flags = r.u8();
    e.style.bold = flags & 1;
    e.style.italic = flags & 2;
    e.hyphenated = flags & 4;
    const std::string_view lang = r.text(), text = r.text();
    const std::uint32_t runs = r.u32();
    if (runs > bytes.size()) return false;
    if (known) e.shaped.runs.reserve(runs);
    for (std::uint32_t k = 0; r.ok() && k < runs; ++k) {
      ShapedRun run;
      run.face = face(r.u32(), known);
      run.begin = r.u32();
      run.end = r.u32();
      run.rtl = r.u8() != 0;
      run.advance = r.i64();
      r.glyphs(known ? &run.glyphs : nullptr);
      if (known) e.shaped.runs.push_back(std::move(run));
    }
    r.offsets(known ? &e.shaped.breaks : nullptr);
    r.offsets(known ? &e.shaped.hyphens : nullptr);
    if (!known) continue;
    e.style.lang = lang;
    e.shaped.text = text;
    entries.push_back(std::move(e));
  }
  if (!r.ok() || damaged || !r.at_end()) return false;
  entries_ = std::move(entries);
  return true;
}

void ShapeMemo::lend(ShapeCache& cache, bool hyphenated) const {
  for (const Entry& e : entries_) {
    if (e.hyphenated == hyphenated) cache.lend(e.style, e.shaped);
  }
}

void ShapeMemo::record(const ShapeCache& cache, bool hyphenated) {
  std::unordered_map<const ShapedText*, Entry*> lent;
  for (Entry& e : entries_) lent.emplace(&e.shaped, &e);
  cache.each([&](const TextStyle& style, const ShapedText& shaped, bool from_memo, bool found) {
    if (!from_memo) {
      entries_.push_back({style, hyphenated, shaped, true});
      ++recorded_;
    } else if (found) {
      if (auto at = lent.find(&shaped); at != lent.end()) at->second->used = true;
    }
  });
}

std::set<std::string> ShapeMemo::hyphenated_languages() const {
  std::set<std::string> languages;
  for (const Entry& e : entries_) {
    if (e.used && e.hyphenated) languages.insert(e.style.lang);
  }
  return languages;
}

std::vector<std::string> ShapeMemo::pattern_files() const {
  std::set<std::string> files;
  for (const std::string& lang : hyphenated_languages()) files.insert(Hyphenator::pattern_file(lang));
  files.erase("");
  return {files.begin(), files.end()};
}

void ShapeMemo::save() {
  if (recorded_ == 0) return;
  std::error_code ec;
  std::filesystem::create_directories(file_.parent_path(), ec);
  if (ec) return;  // before the texts are written out
  std::string head = std::string(kFormat) + "\nexe " + executable_identity() + "\nharfbuzz " + harfbuzz_identity() +
                     "\n" + kGlyphs + "\n";
  for (const std::string& path : pattern_files()) {
    if (!plain_field(path)) return;
    head += "pattern " + path + "\t" + path_state(path) + "\n";
  }
  // Which pattern file a language's words were hyphenated with, none included: one installed since
  // would hyphenate them otherwise.
  for (const std::string& lang : hyphenated_languages()) {
    if (!plain_field(lang)) return;
    head += "language " + lang + "\t" + Hyphenator::pattern_file(lang) + "\n";
  }
  std::map<const FontFace*, std::uint32_t> numbers;
  auto number = [&](const FontFace* face) -> std::uint32_t {
    if (!face) return kNoFace;
    auto [at, added] = numbers.try_emplace(face, static_cast<std::uint32_t>(numbers.size()));
    if (added) {
      head += "face " + face->path + "\t" + std::to_string(face->index) + "\t" + path_state(face->path) + "\n";
    }
    return at->second;
  };
  Writer w;
  std::uint32_t count = 0;
  for (const Entry& e : entries_) count += e.used;
  w.u32(count);
  for (const Entry& e : entries_) {
    if (!e.used) continue;
    if (!plain_field(e.style.face->path) || (e.style.family_face && !plain_field(e.style.family_face->path))) return;
    w.u32(number(e.style.face));
    w.u32(number(e.style.family_face));
    w.u8(static_cast<std::uint8_t>(e.style.bold | e.style.italic << 1 | e.hyphenated << 2));
    w.text(e.style.lang);
    w.text(e.shaped.text);
    w.u32(static_cast<std::uint32_t>(e.shaped.runs.size()));
    for (const ShapedRun& run : e.shaped.runs) {
      w.u32(number(run.face));
      w.u32(static_cast<std::uint32_t>(run.begin));
      w.u32(static_cast<std::uint32_t>(run.end));
      w.u8(run.rtl);
      w.i64(run.advance);
      w.glyphs(run.glyphs);
    }
    w.offsets(e.shaped.breaks);
    w.offsets(e.shaped.hyphens);
  }
  if (!write_file_atomically(file_, head + kEndOfHead + "\n" + w.out).empty()) return;
  keep_newest(file_.parent_path(), ".memo", kKept);
}

}  // namespace recto::text
