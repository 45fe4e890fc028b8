// Fuzzes the two certificate readers on the same bytes: tsl::CertificateBlob (our
// strict DER walk, run on every certificate of every list) and
// verify::read_certificate_profile (OpenSSL plus our qcStatements walk, run on the
// certificate a decision is about). When both accept, they must agree on the names.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "eutl/tsl/certificate_blob.h"
#include "eutl/verify/certificate_profile.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  eutl::fuzz::init_libraries();
  return 0;
}

namespace {
bool same(eutl::tsl::ByteView a, const eutl::tsl::Bytes& b) { return std::equal(a.begin(), a.end(), b.begin(), b.end()); }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace tsl = eutl::tsl;
  tsl::ByteView input(data, size);
  auto blob = tsl::CertificateBlob::from_der(tsl::Bytes(input.begin(), input.end()));
  auto profile = eutl::verify::read_certificate_profile(input);
  if (blob && profile) {
    if (!same(blob->subject(), profile->subject_der) || !same(blob->issuer(), profile->issuer_der)) {
      eutl::fuzz::fail("CertificateBlob and CertificateProfile disagree on subject/issuer");
    }
    if (!profile->ski.empty() && !blob->ski().empty() && !same(blob->ski(), profile->ski)) {
      eutl::fuzz::fail("CertificateBlob and CertificateProfile disagree on the SKI");
    }
  }
  if (profile) {
    // The predicates decisions use.
    (void)profile->has_qc_type(eutl::verify::QcType::kESign);
    (void)profile->has_policy("0.4.0.194112.1.2");
    (void)profile->has_eku(eutl::verify::oid::kEkuServerAuth);
  }
  return 0;
}
