// The bundled Official Journal anchors, the shape a given anchor must have, and the
// facts shown about an anchor (include/eutl/bundled_anchors.h; anchor_facts_of:
// include/eutl/anchors_in_use.h).
#include "eutl/bundled_anchors.h"

#include <algorithm>

#include "eutl/anchors_in_use.h"
#include "eutl/verify/certificate_headline.h"
#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/oj_notices.h"

namespace eutl {
namespace {

// id-tsl-kp-tslSigning, the key purpose ETSI TS 119 612 defines for list signers.
constexpr std::string_view kTslSigningEku = "0.4.0.2231.3.0";

bool same_bytes(tsl::ByteView a, tsl::ByteView b) { return std::ranges::equal(a, b); }

// A CA (RFC 5280 §4.2.1.9: basicConstraints cA) or a list signer: a certificate that
// signs documents asserts nonRepudiation (contentCommitment, RFC 5280 §4.2.1.3), as
// every LOTL signer announced in the Official Journal does, or carries
// id-tsl-kp-tslSigning. A TLS or e-mail encryption certificate has neither.
bool has_anchor_shape(const verify::CertificateProfile& p) {
  return p.is_ca || p.has_key_usage(verify::KeyUsageBit::kNonRepudiation) || p.has_eku(kTslSigningEku);
}

}  // namespace

std::vector<BundledAnchor> bundled_lotl_anchors() {
  std::vector<BundledAnchor> out;
  for (verify::OjNoticeCertificate& c : verify::bundled_oj_notice_certificates()) {
    out.push_back({std::move(c.oj_reference), std::move(c.der)});
  }
  return out;
}

std::vector<tsl::Bytes> bundled_lotl_anchor_certificates() {
  std::vector<tsl::Bytes> out;
  for (BundledAnchor& a : bundled_lotl_anchors()) {
    if (std::ranges::none_of(out, [&](const tsl::Bytes& d) { return same_bytes(d, a.der); })) {
      out.push_back(std::move(a.der));
    }
  }
  return out;
}

std::vector<std::string> bundled_oj_references(tsl::ByteView der) {
  return verify::oj_references_of(verify::bundled_oj_notice_certificates(), der);
}

namespace {

Result<AnchorFacts> facts_against(tsl::ByteView der, const std::vector<verify::OjNoticeCertificate>& bundled) {
  auto h = verify::readable_headline(der);
  if (!h) {
    return Error(Errc::kMalformed, "not a DER X.509 certificate (or trailing bytes after it)");
  }
  return AnchorFacts{tsl::to_hex(tsl::sha256(der)), std::move(h->subject), h->not_before, h->not_after,
                     verify::oj_references_of(bundled, der)};
}

}  // namespace

Result<AnchorFacts> anchor_facts(tsl::ByteView der) {
  return facts_against(der, verify::bundled_oj_notice_certificates());
}

std::vector<AnchorFacts> anchor_facts_of(const std::vector<tsl::Bytes>& anchors) {
  // The bundled certificates decoded once for all the anchors (GET /v1/status shows
  // them at every request), not once per anchor.
  const std::vector<verify::OjNoticeCertificate> bundled = verify::bundled_oj_notice_certificates();
  std::vector<AnchorFacts> out;
  out.reserve(anchors.size());
  for (const tsl::Bytes& der : anchors) {
    auto f = facts_against(der, bundled);
    out.push_back(f ? std::move(*f) : AnchorFacts{tsl::to_hex(tsl::sha256(der)), "(not a readable certificate)"});
  }
  return out;
}

Result<std::vector<tsl::Bytes>> load_lotl_anchors(const std::filesystem::path& pem) {
  auto profiles = verify::load_pem_certificate_profiles(pem);
  if (!profiles) {
    return std::move(profiles).error();
  }
  std::vector<tsl::Bytes> certs;
  certs.reserve(profiles->size());
  for (std::size_t i = 0; i < profiles->size(); ++i) {
    auto& p = (*profiles)[i];
    if (!p) {
      return Error(Errc::kUsage, pem.string() + ": certificate " + std::to_string(i + 1) +
                                     " cannot be read: " + p.error().message);
    }
    if (!has_anchor_shape(*p)) {
      return Error(Errc::kUsage,
                   pem.string() + ": certificate " + std::to_string(i + 1) + " (" + p->subject + ", sha256 " +
                       tsl::to_hex(p->sha256) +
                       ") cannot be a LOTL anchor: it is neither a CA (basicConstraints cA, RFC 5280 §4.2.1.9) "
                       "nor a list signer (nonRepudiation key usage or id-tsl-kp-tslSigning, ETSI TS 119 612)");
    }
    certs.push_back(std::move(p->der));
  }
  return certs;
}

}  // namespace eutl
