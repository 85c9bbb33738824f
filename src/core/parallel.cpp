// Running independent jobs on the machine's cores: this thread and workers that live as long as the
// process (a thread started for each call, and its heap torn down after, cost more than small jobs).
#include "parallel.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace recto {

namespace {

// One call's helpers: a helper works only if it starts before the caller has taken every job and
// closed the call, so that a caller never waits for a helper still queued (a job may itself call
// run_parallel while every worker is busy).
struct Call {
  std::mutex mutex;
  std::condition_variable finished;
  int running = 0;
  bool closed = false;
};

// As many workers as the machine has cores besides the caller's, started at the first call and never
// stopped: they wait for tasks until the process ends.
class Workers {
 public:
  static Workers& instance() {
    static Workers* workers = new Workers(std::max(1u, std::thread::hardware_concurrency()) - 1);
    return *workers;
  }

  std::size_t size() const { return size_; }

  void post(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    ready_.notify_one();
  }

 private:
  explicit Workers(std::size_t size) : size_(size) {
    for (std::size_t i = 0; i < size; ++i) std::thread([this] { serve(); }).detach();
  }

  void serve() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [&] { return !tasks_.empty(); });
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }

  std::size_t size_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
};

}  // namespace

void start_workers() { Workers::instance(); }

void post_to_workers(std::function<void()> task) {
  Workers& workers = Workers::instance();
  if (workers.size() > 0) workers.post(std::move(task));
}

void run_parallel(std::size_t count, const std::function<void(std::size_t)>& job) {
  std::atomic<std::size_t> next{0};
  std::mutex thrown_mutex;
  std::exception_ptr thrown;
  auto work = [&] {
    try {
      for (std::size_t i; (i = next++) < count;) job(i);
    } catch (...) {
      std::lock_guard<std::mutex> lock(thrown_mutex);
      if (!thrown) thrown = std::current_exception();
      next = count;  // the others take no more jobs
    }
  };
  Workers& workers = Workers::instance();
  auto call = std::make_shared<Call>();
  for (std::size_t h = 0; h < std::min(workers.size(), count > 0 ? count - 1 : 0); ++h) {
    workers.post([call, &work] {
      {
        std::lock_guard<std::mutex> lock(call->mutex);
        if (call->closed) return;
        ++call->running;
      }
      work();
      std::lock_guard<std::mutex> lock(call->mutex);
      if (--call->running == 0) call->finished.notify_all();
    });
  }
  work();
  std::unique_lock<std::mutex> lock(call->mutex);
  call->closed = true;
  call->finished.wait(lock, [&] { return call->running == 0; });
  if (thrown) std::rethrow_exception(thrown);
}

}  // namespace recto
