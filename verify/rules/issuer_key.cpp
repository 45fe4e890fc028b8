// TS 119 615 §4.4 step 1 (docs) and TS 119 612 V2.4.1 §5.5.3: the trust anchor is the
// public key (with the subject) in a service's digital identity. A service is used
// for a certificate only when its listed key verifies the certificate's signature,
// or the signature of a CA certificate given with --chain that leads to it, link by
// link. Names and key identifiers only find candidates (docs §5 pitfall 6).
#include "verify/qualification_anchor.h"

#include <algorithm>
#include <openssl/x509.h>

#include "verify/public_key.h"
#include "verify/rules/rules.h"

namespace eutl::verify::detail {
namespace {

std::shared_ptr<EVP_PKEY> anchor_key(const tsl::ServiceIndex& index, QualificationEngine::KeyCache& cache,
                                     const tsl::AnchorRef& ref) {
  std::uint64_t id = (std::uint64_t{ref.service} << 32) | ref.certificate;
  std::lock_guard lock(cache.mutex);
  if (auto it = cache.keys.find(id); it != cache.keys.end()) {
    return it->second;
  }
  std::shared_ptr<EVP_PKEY> key(read_public_key(index.certificate(ref).spki()).key.release(), EVP_PKEY_free);
  cache.keys.emplace(id, key);
  return key;
}

bool verifies_with_anchor(const tsl::ServiceIndex& index, QualificationEngine::KeyCache& cache,
                          const CertificateProfile& cert, const tsl::AnchorRef& r);

X509* x509_of(const CertificateProfile& c) { return c.native ? c.native->x509.get() : nullptr; }

std::string anchor_name(const tsl::ServiceIndex& index, const tsl::AnchorRef& r) {
  const auto& p = index.service(r.service).provenance;
  return p.territory + " TL#" + std::to_string(p.list_sequence) + " '" + p.tsp_name + "' / '" + p.service_name + "'";
}

bool verifies_with_anchor(const tsl::ServiceIndex& index, QualificationEngine::KeyCache& cache,
                          const CertificateProfile& cert, const tsl::AnchorRef& r) {
  std::string memo(reinterpret_cast<const char*>(cert.sha256.data()), cert.sha256.size());
  memo.append(reinterpret_cast<const char*>(&r.service), sizeof r.service);
  memo.append(reinterpret_cast<const char*>(&r.certificate), sizeof r.certificate);
  {
    std::lock_guard lock(cache.mutex);
    if (auto it = cache.verified.find(memo); it != cache.verified.end()) {
      return it->second;
    }
  }
  auto key = anchor_key(index, cache, r);
  bool ok = key && signature_verifies(x509_of(cert), key.get());
  std::lock_guard lock(cache.mutex);
  if (cache.verified.size() >= QualificationEngine::KeyCache::kMaxVerified) {
    cache.verified.clear();
  }
  cache.verified.emplace(std::move(memo), ok);
  return ok;
}

}  // namespace

// Subjects: "certificate", "chain certificate N".
RuleOutcome<AnchorSearch> find_anchors(const RuleContext& ctx, const tsl::ServiceIndex& index,
                                       QualificationEngine::KeyCache& cache,
                                       const std::vector<const CertificateProfile*>& chain) {
  TraceSink& trace = ctx.trace;
  RuleOutcome<AnchorSearch> result;
  result.outcome = Outcome::kPass;
  AnchorSearch& out = result.value;
  const CertificateProfile* current = &ctx.facts.cert;
  std::vector<bool> used(chain.size(), false);
  for (std::size_t depth = 0; depth <= chain.size(); ++depth) {
    std::string who = depth == 0 ? "certificate" : "chain certificate " + std::to_string(depth);
    for (const tsl::AnchorRef& r : index.find_issuer_candidates(current->issuer_der, current->aki)) {
      bool ok = verifies_with_anchor(index, cache, *current, r);
      trace.add(kIssuerKey, ok ? Outcome::kPass : Outcome::kFail, who,
                ok ? "signature verified with the key of " + anchor_name(index, r)
                   : "candidate " + anchor_name(index, r) +
                         " has a matching name or key identifier but its key does NOT verify the signature "
                         "(look-alike or re-keyed issuer): not used");
      if (ok && std::find(out.services.begin(), out.services.end(), r.service) == out.services.end()) {
        out.services.push_back(r.service);
      }
    }
    if (!out.services.empty()) {
      out.depth = depth;
      return result;
    }
    // Not listed: climb to a CA certificate of the given chain that signed `current`.
    const CertificateProfile* next = nullptr;
    for (std::size_t i = 0; i < chain.size() && next == nullptr; ++i) {
      if (used[i] || chain[i] == nullptr || chain[i] == current) {
        continue;
      }
      X509* issuer = x509_of(*chain[i]);
      EVP_PKEY* key = issuer != nullptr ? X509_get0_pubkey(issuer) : nullptr;
      if (key != nullptr && signature_verifies(x509_of(*current), key)) {
        used[i] = true;
        next = chain[i];
      }
    }
    if (next == nullptr) {
      break;
    }
    trace.add(kIssuerKey, Outcome::kPass, who, "signed by the given chain certificate " + next->subject);
    // The chain certificate may itself be a listed identity (same key and subject).
    for (const tsl::AnchorRef& r : index.find_by_key(next->spki_der, next->subject_der)) {
      trace.add(kIssuerKey, Outcome::kPass, "chain certificate " + std::to_string(depth + 1),
                "is the listed identity of " + anchor_name(index, r));
      if (std::find(out.services.begin(), out.services.end(), r.service) == out.services.end()) {
        out.services.push_back(r.service);
      }
    }
    if (!out.services.empty()) {
      out.depth = depth + 1;
      return result;
    }
    current = next;
  }
  result.outcome = Outcome::kIndeterminate;
  result.why = "issuer not listed: no service key of any acceptable trusted list verifies the certificate or its chain";
  trace.add(kIssuerKey, result.outcome, "certificate", result.why);
  return result;
}

}  // namespace eutl::verify::detail
