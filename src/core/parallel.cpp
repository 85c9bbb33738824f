// Running independent jobs on the machine's cores.
#include "parallel.hpp"

#include <algorithm>
#include <atomic>
#include <future>
#include <thread>
#include <vector>

namespace recto {

void run_parallel(std::size_t count, const std::function<void(std::size_t)>& job) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next++) < count;) job(i);
  };
  const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1,
                                                      std::max<std::size_t>(count, 1));
  std::vector<std::future<void>> helpers;
  for (std::size_t t = 1; t < threads; ++t) helpers.push_back(std::async(std::launch::async, work));
  std::exception_ptr thrown;
  try {
    work();
  } catch (...) {
    thrown = std::current_exception();
    next = count;  // the helpers take no more jobs
  }
  for (auto& helper : helpers) {
    try {
      helper.get();
    } catch (...) {
      if (!thrown) thrown = std::current_exception();
    }
  }
  if (thrown) std::rethrow_exception(thrown);
}

}  // namespace recto
