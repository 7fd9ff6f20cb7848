// Hands work items' results to a sink in index order while workers finish out of order.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace specgate {

// A result waits here until every earlier one has been handed over. A worker does not start item
// i until i < next due + window, so at most `window` results are ever held at once: that bound
// is what keeps a streamed run's memory flat however many files it checks.
template <typename T>
class OrderedHandOff {
 public:
  using Sink = std::function<void(size_t, T&&)>;

  OrderedHandOff(size_t n, const Sink& sink, size_t window) : pending_(n), sink_(sink), window_(window) {}

  // Whether item i may start now (the test wait_turn blocks on).
  bool may_start(size_t i) {
    std::lock_guard lock(mu_);
    return in_window(i);
  }

  // Blocks until item i may start.
  void wait_turn(size_t i) {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return in_window(i); });
  }

  // Stores item i's result and, unless another worker is already handing over, hands over every
  // result now due. The sink runs without the lock held, one call at a time, in index order.
  void done(size_t i, T&& result) {
    std::unique_lock lock(mu_);
    pending_[i] = std::move(result);
    if (emitting_) return;  // the worker handing over now will reach it
    emitting_ = true;
    while (next_ < pending_.size() && pending_[next_]) {
      T ready = std::move(*pending_[next_]);
      pending_[next_].reset();
      const size_t at = next_++;
      lock.unlock();
      room_.notify_all();
      sink_(at, std::move(ready));
      lock.lock();
    }
    emitting_ = false;
  }

  // Results stored and not yet handed over.
  size_t held() {
    std::lock_guard lock(mu_);
    size_t n = 0;
    for (const auto& p : pending_) n += p ? 1 : 0;
    return n;
  }

 private:
  bool in_window(size_t i) const { return i < next_ + window_; }  // with mu_ held

  std::mutex mu_;
  std::condition_variable room_;
  std::vector<std::optional<T>> pending_;
  size_t next_ = 0;
  bool emitting_ = false;
  const Sink& sink_;
  const size_t window_;
};

}  // namespace specgate
