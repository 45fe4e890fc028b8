// Memory for the libxml2 allocations of one document's parse (tsl/xml_document.cpp).
//
// libxml2 allocates each node, attribute and text of a tree separately (about
// 500,000 blocks for the 2023 EU set) and frees them one by one with the document:
// malloc and free were ~15% of the CPU of an `eutl verify`. While an XmlArenaScope
// is alive on a thread, libxml2's allocations on that thread are cut from the
// arena's 2 MiB chunks instead, and the chunks go back to a process-wide pool, whole,
// when the document is destroyed; the next document reuses them (already faulted
// in) instead of returning memory to the kernel and faulting it in again.
//
// The hooks are libxml2's process-wide allocator (xmlMemSetup), installed by
// tsl::use_document_arenas(). Blocks are told apart by address: the pool's chunks lie
// in one reserved address range, so a block of any arena, even one already released,
// is never handed to free(), and everything else libxml2 allocates (outside a scope,
// or too large for a chunk) is plain malloc memory, freed with free() as before.
// Under AddressSanitizer, free space, redzones after each block and released chunks
// are poisoned (tsl/xml_arena.cpp). Internal to tsl/.
#pragma once

#include <cstddef>

namespace eutl::tsl::detail {

class XmlArena final {
 public:
  XmlArena() = default;
  XmlArena(const XmlArena&) = delete;
  XmlArena& operator=(const XmlArena&) = delete;
  ~XmlArena();  // its chunks back to the pool

  // A block of `n` bytes, 16-byte aligned; nullptr when the arena cannot serve it
  // (larger than kLargest, or no chunk left): the caller takes it from malloc.
  void* allocate(std::size_t n) noexcept;
  // realloc of `p`, a block of any arena (in_arena(p)): in place when `p` is this
  // arena's last block and the chunk has room, else copied into a new block;
  // nullptr when the arena cannot serve `n`.
  void* reallocate(void* p, std::size_t n) noexcept;

  std::size_t chunks() const noexcept { return m_chunks; }
  // False once a request made while this arena was in scope went to malloc instead
  // (too large, or no chunk left): then not every block of what was built is here.
  bool whole() const noexcept { return !m_spilled; }
  void note_spill() noexcept { m_spilled = true; }

  // Larger requests (big text nodes, growing input buffers) go to malloc.
  static constexpr std::size_t kLargest = 256u << 10;

 private:
  char* m_first = nullptr;  // chunks, linked through their first 8 bytes
  char* m_next = nullptr;   // the next block's 8-byte size header (≡ 8 mod 16)
  char* m_end = nullptr;
  char* m_last = nullptr;  // the last block's header
  std::size_t m_chunks = 0;
  bool m_spilled = false;
};

// While alive, libxml2's allocations on this thread are cut from `arena`
// (nothing changes unless use_document_arenas() succeeded). Scopes nest.
class XmlArenaScope final {
 public:
  explicit XmlArenaScope(XmlArena& arena) noexcept;
  XmlArenaScope(const XmlArenaScope&) = delete;
  XmlArenaScope& operator=(const XmlArenaScope&) = delete;
  ~XmlArenaScope();

 private:
  XmlArena* m_previous;
};

// Whether tsl::use_document_arenas() is in effect.
bool document_arenas_enabled() noexcept;
// Whether `p` lies in the arenas' address range.
bool in_arena(const void* p) noexcept;
// Chunks carved from the range so far, and chunks idle in the pool (for tests).
std::size_t arena_chunks_carved() noexcept;
std::size_t arena_chunks_idle() noexcept;

}  // namespace eutl::tsl::detail
