// libhyphen's dictionaries rebuilt from the compiled data (compiled_pattern_data.hpp): the states
// point into it, so only the state array itself is made.
#include "compiled_patterns.hpp"

#include <cstring>
#include <vector>

#include "compiled_pattern_data.hpp"

namespace recto::text {

namespace {

// A compiled file's dictionary levels and their states, alive as long as a pointer to them.
struct Dictionary {
  std::vector<HyphenDict> levels;
  std::vector<std::vector<HyphenState>> states;
};

// libhyphen only reads a dictionary's strings and transitions, which it types as writable.
char* string_at(const CompiledFile& file, std::int32_t offset) {
  return offset < 0 ? nullptr : const_cast<char*>(file.strings + offset);
}

std::shared_ptr<Dictionary> rebuilt(const CompiledFile& file) {
  auto dict = std::make_shared<Dictionary>();
  dict->levels.resize(file.level_count);
  dict->states.resize(file.level_count);
  for (std::size_t k = 0; k < file.level_count; ++k) {
    const CompiledLevel& level = file.levels[k];
    std::vector<HyphenState>& states = dict->states[k];
    states.resize(static_cast<std::size_t>(level.num_states));
    for (std::size_t i = 0; i < states.size(); ++i) {
      const CompiledState& s = level.states[i];
      states[i] = {string_at(file, s.match), string_at(file, s.repl), s.replindex, s.replcut, s.fallback_state,
                   s.num_trans, s.num_trans ? const_cast<HyphenTrans*>(level.trans + s.first_trans) : nullptr};
    }
    HyphenDict& d = dict->levels[k];
    d = HyphenDict{};
    d.lhmin = level.lhmin;
    d.rhmin = level.rhmin;
    d.clhmin = level.clhmin;
    d.crhmin = level.crhmin;
    d.nohyphen = string_at(file, level.nohyphen);
    d.nohyphenl = level.nohyphenl;
    d.num_states = level.num_states;
    std::strncpy(d.cset, level.cset, sizeof d.cset - 1);
    d.utf8 = level.utf8;
    d.states = states.data();
    d.nextlevel = k + 1 < file.level_count ? &dict->levels[k + 1] : nullptr;
  }
  return dict;
}

}  // namespace

std::shared_ptr<HyphenDict> compiled_patterns(std::string_view file) {
  for (std::size_t i = 0; i < kCompiledFileCount; ++i) {
    if (kCompiledFiles[i].bytes != file) continue;
    std::shared_ptr<Dictionary> dict = rebuilt(kCompiledFiles[i]);
    return std::shared_ptr<HyphenDict>(dict, dict->levels.data());
  }
  return nullptr;
}

}  // namespace recto::text
