#include "cli/heap_tuning.h"

#include <malloc.h>
#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <limits>

namespace eutl::cli {

void prefer_huge_pages(std::size_t bytes) {
  constexpr std::size_t kHuge = 2u << 20;
  // glibc caps M_MMAP_THRESHOLD at 32 MiB on 64-bit systems, and requests at or above
  // it are mmap()ed (then unmapped on free): stay below it.
  constexpr std::size_t kMaxMmapThreshold = 32u << 20;
  if (bytes + 2 * kHuge > kMaxMmapThreshold) {
    bytes = kMaxMmapThreshold - 2 * kHuge;
  }
  // Keep the block on the main heap (below the mmap threshold) and in the process
  // after free() (above the trim threshold), so that later small allocations reuse it.
  if (::mallopt(M_MMAP_THRESHOLD, static_cast<int>(bytes + 2 * kHuge)) != 1 ||
      ::mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * bytes + kHuge)) != 1) {
    return;
  }
  void* block = std::malloc(bytes + kHuge);
  if (block == nullptr) {
    return;
  }
  const auto start = reinterpret_cast<std::uintptr_t>(block);
  auto begin = (start + kHuge - 1) & ~(kHuge - 1);
  auto end = (start + bytes + kHuge) & ~(kHuge - 1);
  if (end > begin) {
    (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  }
  // The block is at the top of the heap: shrunk to end where the huge pages begin, its
  // rest returns to the top chunk, and the allocations that follow start in huge pages
  // instead of in the up to 2 MiB of 4 KiB pages before the first boundary (which stay
  // reserved, untouched, so they cost no page fault). Measured on one warm check of the
  // 2023 set, which allocates about 2.4 MB: 1,074 -> 596 page faults (perf stat -r 20).
  void* kept = begin - start >= 64 ? std::realloc(block, begin - start - 32) : nullptr;
  if (kept != block) {
    std::free(kept != nullptr ? kept : block);
    return;
  }
  // Reachable until exit, so that leak checkers do not count the reserve as lost.
  [[maybe_unused]] static void* volatile reserve = nullptr;
  reserve = kept;
}

void keep_freed_memory() {
  constexpr int kMaxMmapThreshold = 32 << 20;  // glibc's cap on 64-bit systems
  (void)::mallopt(M_MMAP_THRESHOLD, kMaxMmapThreshold);
  (void)::mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max());
  // No fastbins (the per-thread cache still serves small sizes): freeing a whole
  // libxml2 tree then costs no malloc_consolidate pass over them.
  (void)::mallopt(M_MXFAST, 0);
}

void keep_serving_memory() {
  (void)::mallopt(M_MMAP_THRESHOLD, 4 << 20);
  (void)::mallopt(M_TRIM_THRESHOLD, 64 << 20);
}

}  // namespace eutl::cli
