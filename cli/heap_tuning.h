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
// time (issue 7). The part of the block before the first 2 MiB boundary stays
// allocated and untouched, so that what follows is allocated in huge pages from the
// start. Best effort: does nothing when the heap cannot be arranged so.
void prefer_huge_pages(std::size_t bytes);

// For a process that runs one command and exits: freed memory stays in the process to
// be reused, rather than being returned to the kernel and faulted in again as fresh
// zeroed pages. Buffers up to 32 MiB (a whole list, a libxml2 text buffer) come from
// the heap instead of their own mmap(), the heap is never trimmed, and there are no
// fastbins to consolidate when a document is freed. Verifying the
// 2023 EU set touches fewer pages and spends less time in malloc (bench/RESULTS.md).
void keep_freed_memory();

// For `eutl serve`: fixed thresholds instead of glibc's sliding ones, so that the buffers
// of each answer (a check's JSON is tens of KB) are reused from the heap rather than
// mapped, trimmed and faulted in again per request; up to 64 MiB of free heap stays in the
// process. Measured with wrk on POST /v1/check: 1.9 page faults per request to none, and
// 10% less server CPU for the same requests (bench/SERVE_RESULTS.md).
void keep_serving_memory();

}  // namespace eutl::cli
