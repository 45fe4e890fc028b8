// Process-level memory tuning for the commands that load a whole snapshot model and
// exit (the warm `eutl check --store`). Not part of the library: an embedding program
// decides its own allocator policy.
#pragma once

#include <cstddef>

namespace eutl::cli {

// Reserves `bytes` of heap, asks the kernel to back it with transparent huge pages
// (madvise MADV_HUGEPAGE, honoured when THP is in "madvise" or "always" mode), and
// keeps it in the process for later allocations. Decoding the model touches ~30 MB
// of fresh heap; with 4 KiB pages that is ~7,500 page faults, a third of the load
// time (issue 7). Best effort: does nothing when the heap cannot be arranged so.
void prefer_huge_pages(std::size_t bytes);

// For a process that runs one command and exits: freed memory stays in the process to
// be reused, rather than being returned to the kernel and faulted in again as fresh
// zeroed pages. Buffers up to 32 MiB (a whole list, a libxml2 text buffer) come from
// the heap instead of their own mmap(), the heap is never trimmed, and there are no
// fastbins to consolidate when a document is freed. Verifying the
// 2023 EU set touches fewer pages and spends less time in malloc (bench/RESULTS.md).
void keep_freed_memory();

}  // namespace eutl::cli
