// A Make/Ninja depfile: the files a build wrote, and every input it read.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace recto {

// "target1 target2: input1 input2 …" with Make's escapes (a space as "\ ", '$' as "$$", '#' as "\#"),
// each input once, in the order first read, one per continued line.
std::string make_depfile(const std::vector<std::filesystem::path>& targets,
                         const std::vector<std::filesystem::path>& inputs);

}  // namespace recto
