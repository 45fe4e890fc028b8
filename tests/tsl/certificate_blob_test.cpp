// A certificate's SHA-256 is computed on first use and kept: the same digest as
// hashing its DER, through copies and moves, and once for many threads asking at once.
#include "eutl/tsl/certificate_blob.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "tests/verify/qualification_test_support.h"

namespace eutl::tsl {
namespace {
namespace blob_digest {

CertificateBlob issued_blob(const char* cn) {
  test::Issued cert = test::issue(test::CertSpec{.cn = cn, .ca = true}, nullptr);
  auto blob = CertificateBlob::from_der(cert.der);
  EXPECT_TRUE(blob.has_value());
  return blob ? std::move(*blob) : CertificateBlob();
}

TEST(CertificateBlobDigest, IsTheDigestOfItsDerThroughCopiesAndMoves) {
  const CertificateBlob a = issued_blob("Digest CA");
  const Sha256 expected = sha256(a.der());
  const CertificateBlob copy_before = a;  // copied before anyone asked
  EXPECT_EQ(a.sha256(), expected);
  const CertificateBlob copy_after = a;  // copied once known
  EXPECT_EQ(copy_before.sha256(), expected);
  EXPECT_EQ(copy_after.sha256(), expected);

  CertificateBlob b = issued_blob("Other CA");
  const Sha256 other = sha256(b.der());
  ASSERT_NE(other, expected);
  CertificateBlob moved = std::move(b);
  EXPECT_EQ(moved.sha256(), other);
  moved = a;  // assigned over a known digest: takes the new bytes' digest
  EXPECT_EQ(moved.sha256(), expected);
  CertificateBlob target = issued_blob("Third CA");
  (void)target.sha256();
  target = std::move(moved);
  EXPECT_EQ(target.sha256(), expected);
  EXPECT_EQ(target.der(), a.der());
}

TEST(CertificateBlobDigest, ManyThreadsAskingAtOnceGetTheOneDigest) {
  for (int round = 0; round < 20; ++round) {
    const CertificateBlob blob = issued_blob("Shared CA");
    const Sha256 expected = sha256(blob.der());
    std::vector<Sha256> seen(8);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < seen.size(); ++i) {
      threads.emplace_back([&, i] { seen[i] = blob.sha256(); });
    }
    for (auto& t : threads) {
      t.join();
    }
    for (const Sha256& s : seen) {
      EXPECT_EQ(s, expected);
    }
  }
}

// A blob rebuilt from parts keeps the digest it is given (the model cache stores it):
// it is not hashed again.
TEST(CertificateBlobDigest, ABlobFromVerifiedPartsKeepsTheDigestItIsGiven) {
  const CertificateBlob a = issued_blob("Parts CA");
  const Sha256 stored = sha256(as_bytes("what the model cache recorded"));
  auto rebuilt = CertificateBlob::from_verified_parts(a.der(), stored, a.spans());
  ASSERT_TRUE(rebuilt);
  EXPECT_EQ(rebuilt->sha256(), stored);
}

}  // namespace blob_digest
}  // namespace
}  // namespace eutl::tsl
