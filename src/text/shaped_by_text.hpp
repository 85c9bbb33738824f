// Shaped texts found again by their text: a flat table of hashes and pointers, probed in place, that
// keeps no copy of a text (each ShapedText holds its own).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace recto::text {

struct ShapedText;

class ShapedByText {
 public:
  // The shaping kept for the text, or null.
  const ShapedText* find(std::string_view text) const;
  // Keeps a shaping whose text is not in the table yet; it must outlive the table.
  void add(const ShapedText& shaped);

 private:
  struct Slot {
    std::size_t hash = 0;
    const ShapedText* shaped = nullptr;  // null: the slot is free
  };
  // The slots twice as many, the shapings kept placed again.
  void grow();

  std::vector<Slot> slots_;  // a power of two of them, at most half taken; a text's search starts at
                             // its hash's low bits and goes on to the next free slot
  std::size_t size_ = 0;
};

}  // namespace recto::text
