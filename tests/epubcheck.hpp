// epubcheck 4.2.6 on a built EPUB, as every EPUB test asks it: 0 fatals, errors, warnings and infos.
#pragma once

#include <filesystem>
#include <set>
#include <string>

namespace recto::test {

// Runs epubcheck (with -u) on the file and checks that it reports nothing but the usage notes that a
// correct book still gets (listed, with the reason for each, in epubcheck.cpp) and those the caller
// expects besides.
void check_epubcheck(const std::filesystem::path& epub, const std::set<std::string>& also_expected = {});

}  // namespace recto::test
