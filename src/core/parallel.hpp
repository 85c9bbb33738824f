// Running independent jobs on the machine's cores: this thread and as many more as help.
#pragma once

#include <cstddef>
#include <functional>

namespace recto {

// Calls job(0) … job(count − 1), each once, on up to as many threads as the machine has cores (this
// one among them), and returns when all are done. What a job throws is thrown here, after the
// others are done. The jobs must not depend on which thread runs them, nor on their order.
void run_parallel(std::size_t count, const std::function<void(std::size_t)>& job);

}  // namespace recto
