// The anchor keys of a list and the lookup keys of a check (include/eutl/cache/issuer_scope.h).
#include "eutl/cache/issuer_scope.h"

#include <algorithm>

// Header-only: the functions are compiled here, nothing is linked at run time.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace eutl::cache {
namespace {

// A Name and a key identifier are hashed apart, so that the one never stands for the
// other (it would only cost a list decoded for nothing, but there is no need).
enum class KeyKind : std::uint64_t { kName = 1, kKeyId = 2 };

std::uint64_t key(KeyKind kind, tsl::ByteView der) {
  return XXH3_64bits_withSeed(der.data(), der.size(), static_cast<std::uint64_t>(kind));
}

void sort_unique(std::vector<std::uint64_t>& keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

}  // namespace

std::vector<std::uint64_t> anchor_keys(const tsl::TrustedList& list) {
  std::vector<std::uint64_t> keys;
  for (const tsl::TrustServiceProvider& tsp : list.providers) {
    for (const tsl::TrustService& service : tsp.services) {
      for (const tsl::ListedCertificate& c : service.current.identity.certificates) {
        keys.push_back(key(KeyKind::kName, c.blob.subject()));
        if (!c.blob.ski().empty()) {
          keys.push_back(key(KeyKind::kKeyId, c.blob.ski()));
        }
      }
    }
  }
  sort_unique(keys);
  return keys;
}

// ServiceIndex::find_issuer_candidates(issuer Name, AKI) matches an anchor's subject
// or SKI; find_by_key(SPKI, subject) of a chain certificate needs the anchor's subject
// to be that certificate's subject.
IssuerScope IssuerScope::of(std::span<const verify::CertificateProfile* const> certificates) {
  IssuerScope out;
  for (const verify::CertificateProfile* c : certificates) {
    if (c == nullptr) {
      continue;
    }
    out.m_keys.push_back(key(KeyKind::kName, c->issuer_der));
    out.m_keys.push_back(key(KeyKind::kName, c->subject_der));
    if (!c->aki.empty()) {
      out.m_keys.push_back(key(KeyKind::kKeyId, c->aki));
    }
  }
  sort_unique(out.m_keys);
  return out;
}

bool IssuerScope::may_hold(std::span<const std::uint64_t> list_keys) const noexcept {
  // Both sorted: one merge pass.
  auto a = m_keys.begin();
  auto b = list_keys.begin();
  while (a != m_keys.end() && b != list_keys.end()) {
    if (*a == *b) {
      return true;
    }
    if (*a < *b) {
      ++a;
    } else {
      ++b;
    }
  }
  return false;
}

}  // namespace eutl::cache
