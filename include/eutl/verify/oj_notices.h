// The Official Journal notices whose LOTL signing certificates ship with eutl (oj/),
// and which notice announced a given certificate. Implementing Decision (EU) 2015/1505,
// Art. 4: the LOTL is authenticated with the certificates the Commission publishes in
// the OJ; TS 119 615 §4.1 step 1 starts the trust chain there. The evidence matrix
// names each anchor's notice from this table, so a record says which publication
// vouches for the certificate that anchored it, not merely which notices the LOTL lists.
#pragma once

#include <string>
#include <vector>

#include "eutl/tsl/bytes.h"

namespace eutl::verify {

struct OjNoticeCertificate final {
  std::string oj_reference;  // "OJ C 276/2019", "OJ C/2026/1944"
  tsl::Bytes der;
};

// Every certificate of every bundled notice, oldest notice first (a certificate
// announced in two notices appears twice, once with each reference).
[[nodiscard]] std::vector<OjNoticeCertificate> bundled_oj_notice_certificates();

// The references of the bundled notices that announced `der`, oldest first; empty when
// no bundled notice did (an anchor the caller brought from elsewhere).
[[nodiscard]] std::vector<std::string> oj_references_of(const std::vector<OjNoticeCertificate>& table,
                                                        tsl::ByteView der);

}  // namespace eutl::verify
