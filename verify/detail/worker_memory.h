// The heap memory a verification worker is about to use, faulted in with one call
// instead of one page fault per 4 KiB page. Internal to verify/.
#pragma once

#include <cstddef>

#include "eutl/verify/list_set.h"

namespace eutl::verify::trust {

using verify::ServiceModels;

// Parsing a list reads it, builds its libxml2 tree and its model: about this many
// bytes of heap per byte of XML. Measured on the 2023 EU set (2 workers, IT and ES
// first): with 6, page faults fall from 7,379 to 674 and the peak RSS stays the
// same; with 7, the peak RSS grows by 4.6 MB (memory populated and never used).
inline constexpr std::size_t kHeapBytesPerXmlByte = 6;
// The same when the trees are built in document arenas (tsl::use_document_arenas),
// which are faulted in a huge page at a time and kept: the heap holds the bytes read
// and the model. Measured the same way: 2 gives peak RSS 50.7 MB and CPU within 1%
// of 3 and 4 (4: 52.7 MB; 6: 62.0 MB; 0: CPU 1.3% more).
inline constexpr std::size_t kHeapBytesPerXmlByteWithArenas = 2;
// The same when each list's providers are freed as soon as it is read
// (ServiceModels::kDropped, `eutl verify`): the heap holds the bytes read and the scheme.
// Measured the same way: 1 gives peak RSS 41.5-41.9 MB and 2,400-2,485 page faults; 2
// gives 41.9-44.1 MB and 2,940 (memory populated and never used).
inline constexpr std::size_t kHeapBytesPerXmlByteWithArenasNoServices = 1;

// One of the above, as the process runs and for what is kept of the services.
std::size_t heap_bytes_per_xml_byte(ServiceModels services) noexcept;

// Allocates `bytes` on the calling thread's heap, asks the kernel to back them now
// (madvise MADV_POPULATE_WRITE, Linux 5.14; elsewhere nothing happens) and frees
// them. Pays only when freed memory stays in the heap for the allocations that follow
// (see ListSetRequest::worker_memory); otherwise it is work thrown away.
void populate_heap(std::size_t bytes);

}  // namespace eutl::verify::trust
