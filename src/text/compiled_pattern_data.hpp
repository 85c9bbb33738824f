// The form in which recto holds pattern files compiled when it was built (compiled_patterns.cpp
// reads it, the generated compiled_pattern_files.cpp defines it): libhyphen's states by number,
// strings as offsets into one block, so that the data needs no relocation when recto starts.
#pragma once

#include <hyphen.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace recto::text {

struct CompiledState {
  std::int32_t match, repl;  // offsets into the file's strings; −1: none
  signed char replindex, replcut;
  std::int32_t fallback_state;
  std::int32_t num_trans, first_trans;  // into the level's transitions; num_trans 0: none
};

// One of libhyphen's dictionary levels (the file's patterns, or its compound-word level).
struct CompiledLevel {
  char lhmin, rhmin, clhmin, crhmin;
  std::int32_t nohyphen;   // offset into the strings of its strings, each with its NUL; −1: none
  std::int32_t nohyphenl;  // how many strings nohyphen holds, less one
  const char* cset;
  int utf8;
  std::int32_t num_states;
  const CompiledState* states;
  const HyphenTrans* trans;
};

struct CompiledFile {
  std::string_view bytes;  // the pattern file as it was when recto was built
  const char* strings;     // every level's matches, replacements and nohyphen lists
  const CompiledLevel* levels;  // the first level's nextlevel is the second, and so on
  std::size_t level_count;
};

extern const CompiledFile kCompiledFiles[];
extern const std::size_t kCompiledFileCount;

}  // namespace recto::text
