// Running independent jobs on the machine's cores: this thread and as many more as help.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

namespace recto {

// Calls job(0) … job(count − 1), each once, on up to as many threads as the machine has cores (this
// one among them), and returns when all are done. What a job throws is thrown here, after the
// others are done. The jobs must not depend on which thread runs them, nor on their order.
void run_parallel(std::size_t count, const std::function<void(std::size_t)>& job);

// Starts run_parallel's workers now rather than at the first job: a thread takes some tenths of a
// millisecond to start running.
void start_workers();

// Hands a task to run_parallel's workers (none when the machine has one core).
void post_to_workers(std::function<void()> task);

// A job run beside this thread by one of run_parallel's workers or, when none has begun it by the
// time its result is asked for, by the thread that asks. A short build so runs no more threads than
// the machine has cores (a thread set going beside busy ones took the core of the one the build
// waits for), starts none, and never waits for a worker busy with the job that asks.
template <class T>
class Beside {
 public:
  Beside() = default;
  explicit Beside(std::function<T()> job) : state_(std::make_shared<State>()) {
    state_->job = std::move(job);
    post_to_workers([state = state_] { state->run_if_unclaimed(); });
  }

  Beside(Beside&&) noexcept = default;
  Beside& operator=(Beside&& other) noexcept {
    if (this != &other) {
      abandon();
      state_ = std::move(other.state_);
    }
    return *this;
  }
  ~Beside() { abandon(); }

  bool valid() const { return state_ != nullptr; }

  // The job's result, or what it threw; once.
  T get() {
    std::shared_ptr<State> state = std::move(state_);
    state->run_if_unclaimed();
    std::unique_lock<std::mutex> lock(state->mutex);
    state->finished.wait(lock, [&] { return state->done; });
    if (state->thrown) std::rethrow_exception(state->thrown);
    return std::move(*state->result);
  }

 private:
  struct State {
    std::mutex mutex;
    std::condition_variable finished;
    bool claimed = false, done = false;
    std::function<T()> job;
    std::optional<T> result;
    std::exception_ptr thrown;

    void run_if_unclaimed() {
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (claimed) return;
        claimed = true;
      }
      std::optional<T> made;
      std::exception_ptr error;
      try {
        made.emplace(job());
      } catch (...) {
        error = std::current_exception();
      }
      std::lock_guard<std::mutex> lock(mutex);
      result = std::move(made);
      thrown = error;
      done = true;
      finished.notify_all();
    }
  };
  // A job whose result is never asked for: not begun, it never will be; begun, it is waited for, as
  // it may use what its owner holds.
  void abandon() noexcept {
    if (!state_) return;
    std::unique_lock<std::mutex> lock(state_->mutex);
    if (!state_->claimed) {
      state_->claimed = true;
      return;
    }
    state_->finished.wait(lock, [&] { return state_->done; });
  }

  std::shared_ptr<State> state_;
};

}  // namespace recto
