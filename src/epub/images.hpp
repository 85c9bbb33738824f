// The manuscript's images as EPUB resources: found beside the chapter, checked, named, kept once.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "diagnostics.hpp"
#include "env.hpp"
#include "package_file.hpp"

namespace recto::epub {

class ImageStore {
 public:
  ImageStore(std::filesystem::path folder, Env& env, Diagnostics& diags)
      : folder_(std::move(folder)), env_(env), diags_(diags) {}

  // The href in the EPUB of the image that `url` names relative to `chapter_dir`; "" after reporting
  // an error (outside the manuscript, missing, not an image, a remote URL).
  std::string add(const std::string& url, const std::filesystem::path& chapter_dir, SourceSpan at);

  // Every image added, in the order first added.
  const std::vector<PackageFile>& files() const { return files_; }

 private:
  std::filesystem::path folder_;
  Env& env_;
  Diagnostics& diags_;
  std::map<std::string, std::string> href_of_path_;  // "" for a path already reported
  std::vector<PackageFile> files_;
};

// The EPUB core media type of an image from its first bytes, or "" when it is none of them.
std::string image_media_type(const std::string& bytes, const std::string& name);

}  // namespace recto::epub
