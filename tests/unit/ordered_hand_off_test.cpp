// OrderedHandOff: results handed over in index order, and never more than the window held.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "workspace/ordered_hand_off.h"

namespace specgate {
namespace {

TEST(OrderedHandOff, HandsOverInIndexOrder) {
  std::vector<size_t> order;
  std::vector<int> values;
  OrderedHandOff<int>::Sink sink = [&](size_t i, int&& v) {
    order.push_back(i);
    values.push_back(v);
  };
  OrderedHandOff<int> h(3, sink, 8);
  h.done(2, 20);
  EXPECT_TRUE(order.empty());
  EXPECT_EQ(h.held(), 1u);
  h.done(0, 0);
  EXPECT_EQ(order, (std::vector<size_t>{0}));
  h.done(1, 10);
  EXPECT_EQ(order, (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(values, (std::vector<int>{0, 10, 20}));
  EXPECT_EQ(h.held(), 0u);
}

TEST(OrderedHandOff, NoItemStartsPastTheWindow) {
  size_t handed = 0;
  OrderedHandOff<int>::Sink sink = [&](size_t, int&&) { ++handed; };
  OrderedHandOff<int> h(10, sink, 4);
  EXPECT_TRUE(h.may_start(3));
  EXPECT_FALSE(h.may_start(4));
  // Later items finishing first do not open the window: item 0 is still due.
  h.done(1, 1);
  h.done(2, 2);
  h.done(3, 3);
  EXPECT_FALSE(h.may_start(4));
  EXPECT_EQ(h.held(), 3u);
  h.done(0, 0);
  EXPECT_EQ(handed, 4u);
  EXPECT_TRUE(h.may_start(7));
  EXPECT_FALSE(h.may_start(8));
}

// Workers as run_workspace drives them: the order holds and the held results never exceed the
// window, whatever order the workers finish in.
TEST(OrderedHandOff, ManyWorkersKeepOrderAndBound) {
  constexpr size_t kItems = 2000;
  constexpr size_t kWindow = 8;
  std::vector<size_t> order;
  size_t most_held = 0;
  OrderedHandOff<size_t>* self = nullptr;
  OrderedHandOff<size_t>::Sink sink = [&](size_t i, size_t&& v) {
    EXPECT_EQ(i, v);
    order.push_back(i);
    most_held = std::max(most_held, self->held());
  };
  OrderedHandOff<size_t> h(kItems, sink, kWindow);
  self = &h;
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < kItems; i = next++) {
      h.wait_turn(i);
      EXPECT_TRUE(h.may_start(i));
      if (i % 7 == 0) std::this_thread::yield();  // let others overtake
      h.done(i, size_t{i});
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  ASSERT_EQ(order.size(), kItems);
  for (size_t i = 0; i < kItems; ++i) ASSERT_EQ(order[i], i);
  EXPECT_LE(most_held, kWindow);
  EXPECT_EQ(h.held(), 0u);
}

}  // namespace
}  // namespace specgate
