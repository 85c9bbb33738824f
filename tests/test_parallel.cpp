// run_parallel: every job once, whatever the threads; what a job throws reaches the caller. Beside: a
// job once, by a worker or by the thread that asks for it, never after its owner is gone.
#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "parallel.hpp"

using recto::run_parallel;

TEST_CASE("run_parallel runs every job once, on more than one thread when there are cores",
          "[parallel]") {
  std::vector<std::atomic<int>> runs(1000);
  std::mutex mutex;
  std::set<std::thread::id> threads;
  run_parallel(runs.size(), [&](std::size_t i) {
    ++runs[i];
    std::this_thread::sleep_for(std::chrono::microseconds(50));
    std::lock_guard<std::mutex> lock(mutex);
    threads.insert(std::this_thread::get_id());
  });
  for (const auto& n : runs) CHECK(n == 1);
  CHECK(threads.count(std::this_thread::get_id()) == 1);  // this thread works too
  CHECK(threads.size() ==
        std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), runs.size()));
  run_parallel(0, [](std::size_t) { FAIL("no job to run"); });
}

TEST_CASE("run_parallel throws what a job threw, after the other threads stop", "[parallel]") {
  std::atomic<int> started{0};
  CHECK_THROWS_WITH(run_parallel(100,
                                 [&](std::size_t i) {
                                   ++started;
                                   if (i == 3) throw std::runtime_error("job 3 failed");
                                 }),
                    "job 3 failed");
  CHECK(started >= 4);
}

TEST_CASE("run_parallel called from a job, and from two threads at once, runs every job once", "[parallel]") {
  // The inner calls find every worker busy with the outer jobs: they must not wait for helpers that
  // cannot start.
  std::vector<std::atomic<int>> runs(8 * 100);
  auto outer = [&](std::size_t base) {
    run_parallel(4, [&](std::size_t i) {
      run_parallel(100, [&](std::size_t k) { ++runs[base + i * 100 + k]; });
    });
  };
  std::thread other([&] { outer(400); });
  outer(0);
  other.join();
  for (const auto& n : runs) CHECK(n == 1);
}

namespace {

// Jobs that keep every worker busy until released: one more than the workers, which are one fewer
// than the cores.
std::vector<recto::Beside<int>> busy_workers(const std::atomic<bool>& release) {
  std::vector<recto::Beside<int>> busy;
  for (unsigned i = 0; i < std::max(1u, std::thread::hardware_concurrency()); ++i) {
    busy.emplace_back([&release] {
      while (!release) std::this_thread::yield();
      return 0;
    });
  }
  return busy;
}

}  // namespace

TEST_CASE("a job beside runs once, on a worker or on the thread that asks, and gives what it made or threw",
          "[parallel]") {
  std::atomic<int> runs{0};
  recto::Beside<std::string> made([&] {
    ++runs;
    return std::string("made");
  });
  CHECK(made.valid());
  CHECK(made.get() == "made");
  CHECK_FALSE(made.valid());
  CHECK(runs == 1);

  recto::Beside<int> thrown([]() -> int { throw std::runtime_error("broken"); });
  CHECK_THROWS_WITH(thrown.get(), "broken");

  // Every worker busy with jobs that wait for this thread: the jobs asked for meanwhile run here.
  std::atomic<bool> release{false};
  std::vector<recto::Beside<int>> busy = busy_workers(release);
  const auto asking = std::this_thread::get_id();
  recto::Beside<std::thread::id> here([] { return std::this_thread::get_id(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the workers take the busy jobs first
  CHECK(here.get() == asking);
  release = true;
  for (auto& b : busy) CHECK(b.get() == 0);
}

TEST_CASE("a job beside that is never asked for is not begun after its owner is gone", "[parallel]") {
  std::atomic<bool> release{false};
  std::vector<recto::Beside<int>> busy = busy_workers(release);
  std::atomic<int> runs{0};
  {
    recto::Beside<int> dropped([&] { return ++runs; });
  }
  release = true;
  for (auto& b : busy) b.get();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(runs == 0);
}
