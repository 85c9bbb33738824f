// The font memo's file: its context, the watched paths' states, the answers; read, checked,
// written.
#include "font_memo.hpp"

#include <fontconfig/fontconfig.h>
#include <sys/stat.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include "cache_folder.hpp"
#include "output_file.hpp"

namespace recto::text {

namespace {

constexpr const char* kFormat = "recto font memo 1";
constexpr const char* kEndOfContext = "--";

}  // namespace

FontMemo::FontMemo(std::filesystem::path file, std::string context)
    : file_(std::move(file)), context_(std::move(context)) {}

bool FontMemo::load() {
  std::ifstream in(file_, std::ios::binary);
  std::stringstream whole;
  whole << in.rdbuf();
  const std::string text = whole.str();
  const std::string head = context_ + "\n" + kEndOfContext + "\n";
  if (text.compare(0, head.size(), head) != 0) return false;

  std::map<std::string, FontAnswer> answers;
  std::map<std::string, std::string> configuration, fonts;
  std::istringstream lines(text.substr(head.size()));
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> f = tab_fields(line);
    if (f.size() == 3 && (f[0] == "config" || f[0] == "font")) {
      if (path_state(f[1]) != f[2]) return false;
      (f[0] == "config" ? configuration : fonts)[f[1]] = f[2];
    } else if (f.size() == 4 && f[0] == "answer" && !f[3].empty() && f[3].size() < 6 &&
               f[3].find_first_not_of("0123456789") == std::string::npos) {
      answers[f[1]] = {f[2], static_cast<unsigned>(std::stoul(f[3]))};
    } else {
      return false;
    }
  }
  if (configuration.empty()) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  answers_ = std::move(answers);
  configuration_ = std::move(configuration);
  fonts_ = std::move(fonts);
  changed_ = false;
  return true;
}

std::optional<FontAnswer> FontMemo::answer(const std::string& question) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = answers_.find(question);
  if (found == answers_.end()) return std::nullopt;
  return found->second;
}

void FontMemo::record(const std::string& question, const FontAnswer& answer) {
  if (!plain_field(question) || !plain_field(answer.path)) return;
  std::string font_state = answer.path.empty() ? "" : path_state(answer.path);
  std::lock_guard<std::mutex> lock(mutex_);
  auto [at, added] = answers_.try_emplace(question, answer);
  if (!added && at->second == answer) return;
  at->second = answer;
  if (!answer.path.empty()) fonts_[answer.path] = font_state;
  changed_ = true;
}

void FontMemo::watch_configuration(const std::vector<std::string>& paths) {
  std::map<std::string, std::string> configuration;
  for (const std::string& path : paths) {
    if (!plain_field(path)) return;  // not a memo this file format can keep
    configuration[path] = path_state(path);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (configuration == configuration_) return;
  configuration_ = std::move(configuration);
  changed_ = true;
}

std::string FontMemo::text() const {
  std::string out = context_ + "\n" + kEndOfContext + "\n";
  for (const auto& [path, state] : configuration_) out += "config\t" + path + "\t" + state + "\n";
  for (const auto& [path, state] : fonts_) out += "font\t" + path + "\t" + state + "\n";
  for (const auto& [question, a] : answers_) {
    out += "answer\t" + question + "\t" + a.path + "\t" + std::to_string(a.index) + "\n";
  }
  return out;
}

void FontMemo::save() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!changed_ || configuration_.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(file_.parent_path(), ec);
  if (!ec) write_file_atomically(file_, text());  // a cache: a failure costs the next run time only
  changed_ = false;
}

FontMemo* process_font_memo() {
  static const std::unique_ptr<FontMemo> memo = []() -> std::unique_ptr<FontMemo> {
    std::optional<std::filesystem::path> folder = cache_folder();
    if (!folder) return nullptr;
    // What fontconfig's answers depend on besides the files: its version and the environment it
    // reads; and the executable, whose way of asking may change with it.
    std::error_code ec;
    std::string exe = std::filesystem::read_symlink("/proc/self/exe", ec).string();
    std::string names = "exe " + exe + "\n";
    for (const char* name :
         {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "FC_LANG", "LC_ALL",
          "LC_CTYPE", "LANG", "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
      const char* value = std::getenv(name);
      names += std::string(name) + "=" + (value ? value : "") + "\n";
    }
    std::string context = std::string(kFormat) + "\nfontconfig " + std::to_string(FcGetVersion()) +
                          "\n" + names + "exe state " + path_state(exe);
    return std::make_unique<FontMemo>(*folder / ("fonts-" + hex_hash(names) + ".memo"), context);
  }();
  return memo.get();
}

}  // namespace recto::text
