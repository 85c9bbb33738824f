// Checking the images a book names: where they are, that they are whole images, and their size.
#include "image_check.hpp"

#include <map>

#include "byte_size.hpp"
#include "image_header.hpp"
#include "paths.hpp"
#include "tree_walk.hpp"

namespace fs = std::filesystem;

namespace recto {

namespace {

bool is_remote(const std::string& url) {
  for (const char* scheme : {"http://", "https://", "//", "data:"}) {
    if (url.rfind(scheme, 0) == 0) return true;
  }
  return false;
}

struct Problem {
  std::string code, message, hint;  // the message follows "image 'URL' "
};

class ImageChecker {
 public:
  ImageChecker(const fs::path& folder, Env& env, Diagnostics& diags)
      : folder_(folder), env_(env), diags_(diags) {}

  // The image `url`, written in a file of `dir`, at `at`.
  void check(const std::string& url, const fs::path& dir, SourceSpan at) {
    if (is_remote(url)) {
      diags_.error(at, "remote-image", "image '" + url + "' is not in the manuscript",
                   "download it into the manuscript folder and name its path");
      return;
    }
    std::string key = fs::path(url).is_absolute()
                          ? url
                          : (dir / url)
                                .lexically_normal()
                                .lexically_relative(folder_.lexically_normal())
                                .generic_string();
    auto [it, fresh] = problems_.try_emplace(key);
    if (fresh) it->second = problem(key);
    if (const auto& p = it->second; !p.code.empty())
      diags_.error(at, p.code, "image '" + url + "' " + p.message, p.hint);
  }

 private:
  Problem problem(const std::string& key) {
    if (!stays_inside(folder_, key))
      return {"path-outside", "is outside the manuscript folder", ""};
    fs::path path = folder_ / key;
    auto size = env_.file_size(path);
    if (!size) return {"missing-image", "not found", ""};
    if (*size > max_image_file_bytes) {
      return {"input-limit",
              "is " + megabytes(*size) + ", more than the " + megabytes(max_image_file_bytes) +
                  " recto reads",
              "make the file smaller"};
    }
    auto bytes = env_.read_file(path);
    if (!bytes) return {"missing-image", "not found", ""};
    ImageHeader header = read_image_header(*bytes, key);
    if (header.media_type.empty())
      return {"image-format", "is not a PNG, JPEG, GIF or SVG image", ""};
    if (!header.damage.empty())
      return {"image-format", "is damaged: " + header.damage, "save the image again"};
    if (std::uint64_t{header.width} * header.height > max_image_pixels) {
      return {"input-limit",
              "has " + std::to_string(header.width) + " × " + std::to_string(header.height) +
                  " pixels, more than the " + std::to_string(max_image_pixels / 1'000'000) +
                  " megapixels recto takes",
              "scale it down: 300 pixels per inch of the printed page is plenty"};
    }
    return {};
  }

  const fs::path& folder_;
  Env& env_;
  Diagnostics& diags_;
  std::map<std::string, Problem> problems_;  // by path in the folder: each file read once
};

}  // namespace

void check_images(const Document& doc, Env& env, Diagnostics& diags) {
  ImageChecker checker(doc.folder, env, diags);
  if (!doc.meta.cover_image.empty())
    checker.check(doc.meta.cover_image, doc.folder, doc.meta.cover_image_at);
  for (const Division& division : doc.divisions) {
    fs::path dir = fs::path(env.sources.path(division.span.file)).parent_path();
    walk_blocks(division.blocks, [&](const Block& b) {
      if (const auto* figure = std::get_if<Figure>(&b.node))
        checker.check(figure->url, dir, b.span);
    });
    walk_inlines(division.blocks, [&](const Inline& x) {
      if (const auto* image = std::get_if<Image>(&x.node)) checker.check(image->url, dir, x.span);
    });
  }
}

}  // namespace recto
