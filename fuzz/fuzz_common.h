// Shared pieces of the libFuzzer targets: the one verify::CryptoGuard of the process and a
// way to stop on a broken invariant with a readable message.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "eutl/tsl/bytes.h"
#include "eutl/tsl/xml_document.h"
#include "eutl/verify/crypto_guard.h"

namespace eutl::fuzz {

// libxml2, xmlsec and OpenSSL are initialised once for the whole fuzzing process
// (style C14 holds per process; a fuzz target is its own process).
inline void init_libraries() {
  // As the eutl program does: trees in document arenas, which under AddressSanitizer
  // poison what is not allocated (tsl/detail/xml_arena.h).
  (void)tsl::use_document_arenas();
  static verify::CryptoGuard guard;
  if (!guard.ok()) {
    std::fprintf(stderr, "fuzz: xmlsec could not be initialised\n");
    std::abort();
  }
}

// A broken invariant is a finding: abort so libFuzzer saves the input.
[[noreturn]] inline void fail(std::string_view what) {
  std::fprintf(stderr, "fuzz invariant broken: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

inline std::filesystem::path fixtures_dir() {
  if (const char* env = std::getenv("EUTL_FUZZ_FIXTURES")) {
    return env;
  }
  return EUTL_FUZZ_FIXTURES_DIR;
}

inline tsl::Bytes read_or_die(const std::filesystem::path& p) {
  auto bytes = tsl::read_file(p);
  if (!bytes) {
    std::fprintf(stderr, "fuzz: cannot read %s: %s\n", p.c_str(), bytes.error().message.c_str());
    std::abort();
  }
  return std::move(bytes).value();
}

}  // namespace eutl::fuzz
