#include "verify/detail/worker_memory.h"

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>

#include "tsl/detail/xml_arena.h"

namespace eutl::verify::trust {

std::size_t heap_bytes_per_xml_byte(ServiceModels services) noexcept {
  if (!tsl::detail::document_arenas_enabled()) {
    return kHeapBytesPerXmlByte;
  }
  return services == ServiceModels::kDropped ? kHeapBytesPerXmlByteWithArenasNoServices
                                             : kHeapBytesPerXmlByteWithArenas;
}

void populate_heap(std::size_t bytes) {
#ifdef MADV_POPULATE_WRITE
  // glibc serves a request of 32 MiB or more (its largest mmap threshold on 64-bit
  // systems) with a mapping of its own, unmapped again by free(): populating it would
  // be work thrown away, so a larger need is populated up to just under that.
  constexpr std::size_t kLargestHeapBlock = (32u << 20) - (1u << 20);
  bytes = bytes < kLargestHeapBlock ? bytes : kLargestHeapBlock;
  constexpr std::uintptr_t kPage = 4096;
  if (bytes < 2 * kPage) {
    return;
  }
  void* block = std::malloc(bytes);
  if (block == nullptr) {
    return;
  }
  const auto begin = (reinterpret_cast<std::uintptr_t>(block) + kPage - 1) & ~(kPage - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(block) + bytes) & ~(kPage - 1);
  // Best effort: an older kernel answers EINVAL and the pages fault in one by one.
  (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
  std::free(block);
#else
  (void)bytes;
#endif
}

}  // namespace eutl::verify::trust
