// Ending the process once its output is written, leaving its memory for the kernel to take back.
#pragma once

#include <ostream>

namespace recto {

// Flushes `out` and `err` and ends the process with `code` at once (std::quick_exit: only what is
// registered with std::at_quick_exit runs): freeing a built book object by object (its tree, pages
// and faces), then the static objects, takes a millisecond or two of a 30 ms build, and the kernel
// takes the memory back whole. In a build made to check memory (RECTO_FREE_AT_EXIT: the
// sanitizers') it returns `code`, so that everything is freed and LeakSanitizer sees that it is.
int end_process(int code, std::ostream& out, std::ostream& err);

}  // namespace recto
