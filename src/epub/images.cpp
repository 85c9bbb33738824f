// Adding the manuscript's images to the EPUB: path checks, media types, ASCII names.
#include "images.hpp"

#include "paths.hpp"

namespace fs = std::filesystem;

namespace recto::epub {

namespace {

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

bool is_remote(const std::string& url) {
  return starts_with(url, "http://") || starts_with(url, "https://") || starts_with(url, "//") ||
         starts_with(url, "data:");
}

// An ASCII file name for the image, from its path in the manuscript: "figures/Ünïcode pic.png" →
// "figures-_n_code-pic.png".
std::string ascii_name(const fs::path& relative) {
  std::string out;
  for (char c : relative.generic_string()) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '.' || c == '_' ||
        c == '-') {
      out += c;
    } else if (c == '/' || c == ' ') {
      out += '-';
    } else if ((u & 0xC0) != 0x80) {
      out += '_';  // one '_' per non-ASCII character, not per byte
    }
  }
  return out;
}

}  // namespace

std::string image_media_type(const std::string& bytes, const std::string& name) {
  if (starts_with(bytes, "\x89PNG\r\n\x1a\n")) return "image/png";
  if (starts_with(bytes, "\xFF\xD8\xFF")) return "image/jpeg";
  if (starts_with(bytes, "GIF87a") || starts_with(bytes, "GIF89a")) return "image/gif";
  if (fs::path(name).extension() == ".svg" && bytes.find("<svg") != std::string::npos) return "image/svg+xml";
  return "";
}

std::string ImageStore::add(const std::string& url, const fs::path& chapter_dir, SourceSpan at) {
  if (is_remote(url)) {
    diags_.error(at, "remote-image", "image '" + url + "' is not in the manuscript",
                 "download it into the manuscript folder and name its path");
    return "";
  }
  fs::path relative_to_folder = (chapter_dir / url).lexically_normal().lexically_relative(folder_.lexically_normal());
  std::string key = relative_to_folder.generic_string();
  if (auto it = href_of_path_.find(key); it != href_of_path_.end()) return it->second;
  std::string& href = href_of_path_[key];
  if (!stays_inside(folder_, key)) {
    diags_.error(at, "path-outside", "image '" + url + "' is outside the manuscript folder");
    return href;
  }
  auto bytes = env_.read_file(folder_ / relative_to_folder);
  if (!bytes) {
    diags_.error(at, "missing-image", "image '" + url + "' not found");
    return href;
  }
  std::string media_type = image_media_type(*bytes, key);
  if (media_type.empty()) {
    diags_.error(at, "image-format", "image '" + url + "' is not a PNG, JPEG, GIF or SVG image");
    return href;
  }
  // The file's own name, or its whole path in the manuscript when another image has that name.
  std::string candidate = "images/" + ascii_name(relative_to_folder.filename());
  for (const PackageFile& f : files_) {
    if (f.href == candidate) candidate = "images/" + ascii_name(relative_to_folder);
  }
  href = candidate;
  files_.push_back({href, "image-" + std::to_string(files_.size() + 1), media_type, "", std::move(*bytes), false});
  return href;
}

}  // namespace recto::epub
