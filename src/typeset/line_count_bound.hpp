// Quick bounds on how many lines a justified paragraph can take, so that the breaker is not asked
// for settings that cannot exist.
#pragma once

#include <cstddef>

#include "items.hpp"

namespace recto::typeset {

// Whether the items might be broken into exactly `lines` lines of `measure`, every line but the
// last set with an adjustment ratio in [min_ratio, max_ratio]. False means they cannot: the bound
// counts every box, every glue but the one at each break, and a hyphen at every break. Items with a
// forced break inside never get false.
bool might_take(const Items& items, std::size_t lines, double measure, double min_ratio, double max_ratio);

}  // namespace recto::typeset
