// One line of RAII per C handle type (style C5).
#pragma once

#include <memory>

namespace eutl::detail {

template <auto Free>
struct CFree final {
  template <typename T>
  void operator()(T* p) const noexcept {
    if (p != nullptr) {
      Free(p);
    }
  }
};

template <typename T, auto Free>
using CHandle = std::unique_ptr<T, CFree<Free>>;

}  // namespace eutl::detail
