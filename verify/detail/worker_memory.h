// The heap memory a verification worker is about to use, faulted in with one call
// instead of one page fault per 4 KiB page. Internal to verify/.
#pragma once

#include <cstddef>

namespace eutl::verify::trust {

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

// kHeapBytesPerXmlByte or kHeapBytesPerXmlByteWithArenas, as the process runs.
std::size_t heap_bytes_per_xml_byte() noexcept;

// Allocates `bytes` on the calling thread's heap, asks the kernel to back them now
// (madvise MADV_POPULATE_WRITE, Linux 5.14; elsewhere nothing happens) and frees
// them. Pays only when freed memory stays in the heap for the allocations that follow
// (see ListSetRequest::worker_memory); otherwise it is work thrown away.
void populate_heap(std::size_t bytes);

}  // namespace eutl::verify::trust
