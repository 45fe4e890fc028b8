// The bundled Official Journal notices (include/eutl/verify/oj_notices.h).
#include "eutl/verify/oj_notices.h"

#include <algorithm>

#include "eutl/verify/certificate_profile.h"
#include "verify/bundled_anchors_pem.h"

namespace eutl::verify {

std::vector<OjNoticeCertificate> bundled_oj_notice_certificates() {
  std::vector<OjNoticeCertificate> out;
  for (const detail::BundledPem& notice : detail::kBundledPemNotices) {
    const tsl::ByteView pem(reinterpret_cast<const std::uint8_t*>(notice.pem.data()), notice.pem.size());
    auto ders = read_certificate_bytes(pem, notice.oj_reference);
    if (!ders) {
      continue;  // CMake refuses a notice file without a PEM certificate
    }
    for (tsl::Bytes& der : *ders) {
      out.push_back({std::string(notice.oj_reference), std::move(der)});
    }
  }
  return out;
}

std::vector<std::string> oj_references_of(const std::vector<OjNoticeCertificate>& table, tsl::ByteView der) {
  std::vector<std::string> out;
  for (const OjNoticeCertificate& c : table) {
    if (std::ranges::equal(c.der, der)) {
      out.push_back(c.oj_reference);
    }
  }
  return out;
}

}  // namespace eutl::verify
