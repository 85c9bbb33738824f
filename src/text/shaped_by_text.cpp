// A word set is looked up once per use, tens of thousands of times a book: one hash and mostly one
// slot read, where a node-based map read a bucket, a node and a copy of the key, and divided by a prime.
#include "shaped_by_text.hpp"

#include <algorithm>
#include <functional>
#include <utility>

#include "shaper.hpp"

namespace recto::text {

namespace {

std::size_t hash_of(std::string_view text) { return std::hash<std::string_view>{}(text); }

}  // namespace

const ShapedText* ShapedByText::find(std::string_view text) const {
  if (slots_.empty()) return nullptr;
  const std::size_t hash = hash_of(text), mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (!slot.shaped) return nullptr;
    if (slot.hash == hash && slot.shaped->text == text) return slot.shaped;
  }
}

void ShapedByText::add(const ShapedText& shaped) {
  if (2 * (size_ + 1) > slots_.size()) grow();
  const std::size_t hash = hash_of(shaped.text), mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i].shaped) i = (i + 1) & mask;
  slots_[i] = {hash, &shaped};
  ++size_;
}

void ShapedByText::grow() {
  constexpr std::size_t kFirstSlots = 256;
  std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(std::max(kFirstSlots, 2 * slots_.size())));
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (!slot.shaped) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].shaped) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace recto::text
