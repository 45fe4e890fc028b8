// The anchors' facts an evidence record shows (include/eutl/evidence/record_anchors.h).
#include "eutl/evidence/record_anchors.h"

#include "eutl/verify/certificate_headline.h"
#include "eutl/verify/oj_notices.h"

namespace eutl::evidence {
namespace {

RecordAnchor anchor_of(const tsl::Bytes& der, const std::vector<verify::OjNoticeCertificate>& bundled) {
  RecordAnchor a{RecordDer{tsl::base64_encode(der), tsl::sha256(der), std::nullopt}, std::nullopt, std::nullopt,
                 verify::oj_references_of(bundled, der)};
  if (auto h = verify::readable_headline(der)) {
    a.der.subject = std::move(h->subject);
    a.not_before = h->not_before;
    a.not_after = h->not_after;
  }
  return a;
}

}  // namespace

RecordAnchors record_anchors(std::span<const tsl::Bytes> lotl_anchors, std::span<const tsl::Bytes> tl_signers) {
  const std::vector<verify::OjNoticeCertificate> bundled = verify::bundled_oj_notice_certificates();
  RecordAnchors out;
  out.lotl_anchors.reserve(lotl_anchors.size());
  for (const tsl::Bytes& der : lotl_anchors) {
    out.lotl_anchors.push_back(anchor_of(der, bundled));
  }
  out.tl_signers.reserve(tl_signers.size());
  for (const tsl::Bytes& der : tl_signers) {
    out.tl_signers.push_back(anchor_of(der, bundled));
  }
  return out;
}

}  // namespace eutl::evidence
