// Pattern files compiled into recto when it was built: libhyphen's dictionary for such a file is
// made from recto's own data in well under a millisecond, where libhyphen takes 5 ms to load
// hyph_en_US.dic (as long as setting a short book), at every run.
#pragma once

#include <memory>
#include <string_view>

typedef struct _HyphenDict HyphenDict;

namespace recto::text {

// libhyphen's dictionary for a pattern file whose content is `file`, when recto was built with
// that very file; else null (the file is then loaded as usual).
std::shared_ptr<HyphenDict> compiled_patterns(std::string_view file);

}  // namespace recto::text
