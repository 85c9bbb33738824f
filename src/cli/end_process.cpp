// Ending the process without destructors (std::quick_exit), but for the builds that check memory.
#include "end_process.hpp"

#include <cstdio>
#include <cstdlib>

namespace recto {

int end_process(int code, std::ostream& out, std::ostream& err) {
#ifdef RECTO_FREE_AT_EXIT
  (void)out;
  (void)err;
  return code;
#else
  out.flush();
  err.flush();
  std::fflush(nullptr);
  std::quick_exit(code);
#endif
}

}  // namespace recto
