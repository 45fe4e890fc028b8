// A KeyInfo certificate's key and dates from a strict walk of its DER
// (verify/detail/signer_key.h): where the walk answers, it answers what OpenSSL's whole
// decode (d2i_X509) does; anything it does not take is left to that decode.
#include "verify/detail/signer_key.h"

#include <gtest/gtest.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <filesystem>
#include <iostream>
#include <set>

#include "eutl/tsl/parser.h"
#include "eutl/tsl/read_file.h"
#include "tests/test_paths.h"
#include "tests/verify/qualification_test_support.h"
#include "verify/certificate_profile_der.h"

namespace eutl::verify::trust {
namespace {

namespace fs = std::filesystem;
using test::cat;
using test::der_tlv;

// What the walk gives must be what the whole decode gives; false when the walk left
// the certificate to it.
bool same_as_whole_decode(const tsl::Bytes& der, const std::string& where) {
  std::optional<SignerKey> ours = signer_key_from_parts(der);
  EXPECT_EQ(ERR_peek_error(), 0UL) << where;  // nothing left on OpenSSL's error queue
  if (!ours) {
    return false;
  }
  X509Ptr whole = decode_x509(der);
  EXPECT_TRUE(whole) << where << ": the walk read what d2i_X509 refuses";
  if (!whole) {
    return true;
  }
  EXPECT_EQ(EVP_PKEY_eq(ours->key.get(), X509_get0_pubkey(whole.get())), 1) << where;
  const std::optional<Validity> dates = validity(whole.get());
  EXPECT_TRUE(dates) << where;
  if (dates) {
    EXPECT_EQ(ours->validity.not_before, dates->not_before) << where;
    EXPECT_EQ(ours->validity.not_after, dates->not_after) << where;
  }
  return true;
}

// Every certificate of a PEM file.
std::vector<tsl::Bytes> pem_certificates(const fs::path& file) {
  std::vector<tsl::Bytes> out;
  auto bytes = tsl::read_file(file, tsl::FileKind::kAnchors);
  if (!bytes) {
    return out;
  }
  eutl::detail::CHandle<BIO, BIO_free> bio(BIO_new_mem_buf(bytes->data(), static_cast<int>(bytes->size())));
  while (X509* x = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    unsigned char* buf = nullptr;
    const int n = i2d_X509(x, &buf);
    out.emplace_back(buf, buf + (n > 0 ? n : 0));
    OPENSSL_free(buf);
    X509_free(x);
  }
  ERR_clear_error();
  return out;
}

TEST(SignerKey, EveryRealCertificateGivesTheKeyAndDatesOfTheWholeDecode) {
  EUTL_REQUIRE_REALDATA();
  std::set<tsl::Bytes> seen;
  int walked = 0;
  int signers = 0;
  int signers_walked = 0;
  // The signers of every real list (what the walk is for), then every other certificate.
  for (const auto& entry : fs::directory_iterator(test::realdata() / "signers")) {
    for (const tsl::Bytes& der : pem_certificates(entry.path())) {
      if (seen.insert(der).second) {
        ++signers;
        if (same_as_whole_decode(der, entry.path().string())) {
          ++signers_walked;
          ++walked;
        }
      }
    }
  }
  for (const char* dir : {"certs", "oj"}) {
    for (const auto& entry : fs::recursive_directory_iterator(test::realdata() / dir)) {
      if (entry.path().extension() == ".pem") {
        for (const tsl::Bytes& der : pem_certificates(entry.path())) {
          if (seen.insert(der).second && same_as_whole_decode(der, entry.path().string())) {
            ++walked;
          }
        }
      }
    }
  }
  for (const char* dir : {"tl/2019", "tl/2023", "tl/2026"}) {
    for (const auto& entry : fs::directory_iterator(test::realdata() / dir)) {
      auto bytes = tsl::read_file(entry.path());
      ASSERT_TRUE(bytes) << entry.path();
      auto list = tsl::parse_trusted_list(*bytes, entry.path().string());
      ASSERT_TRUE(list) << entry.path() << ": " << list.error().message;
      for (const auto& provider : list->providers) {
        for (const auto& service : provider.services) {
          for (const auto& c : service.current.identity.certificates) {
            const tsl::Bytes der(c.blob.der().begin(), c.blob.der().end());
            if (seen.insert(der).second && same_as_whole_decode(der, entry.path().string())) {
              ++walked;
            }
          }
        }
      }
    }
  }
  std::cout << "  " << seen.size() << " certificates, " << walked << " read by the walk; list signers: "
            << signers_walked << " of " << signers << "\n";
  EXPECT_GT(signers, 80);  // 95 distinct signers of the 143 real lists
  EXPECT_GE(signers_walked * 10, signers * 9);  // nearly every signer: else the walk buys nothing
  EXPECT_GT(seen.size(), 2000u);
  EXPECT_GE(walked * 10, static_cast<int>(seen.size()) * 9);
}

TEST(SignerKey, AGeneratedCertificateIsWalked) {
  const test::Issued issued = test::issue(test::CertSpec{}, nullptr);
  ASSERT_TRUE(same_as_whole_decode(issued.der, "generated"));
  const std::optional<SignerKey> ours = signer_key_from_parts(issued.der);
  ASSERT_TRUE(ours);
  EXPECT_EQ(EVP_PKEY_eq(ours->key.get(), issued.key.get()), 1);
  EXPECT_EQ(ours->validity.not_before, test::date(2020, 1, 1));
  EXPECT_EQ(ours->validity.not_after, test::date(2030, 1, 1));
}

// The generated certificate taken apart: Certificate's three fields, and the fields of
// TBSCertificate, each as its whole TLV; put back together by `rebuild`.
struct Parts final {
  std::vector<tsl::Bytes> tbs;
  tsl::Bytes algorithm;
  tsl::Bytes value;
};
std::vector<tsl::Bytes> tlvs(tsl::ByteView content) {
  std::vector<tsl::Bytes> out;
  detail::DerCursor c(content);
  while (c.more()) {
    const auto t = c.next();
    EXPECT_TRUE(t);
    if (!t) {
      break;
    }
    out.push_back(der_tlv(t->tag, tsl::Bytes(t->content.begin(), t->content.end())));
  }
  return out;
}
Parts parts_of(const tsl::Bytes& der) {
  detail::DerCursor outer(der);
  const auto certificate = outer.next();
  std::vector<tsl::Bytes> fields = tlvs(certificate->content);
  EXPECT_EQ(fields.size(), 3u);
  detail::DerCursor tbs(fields[0]);
  return Parts{tlvs(tbs.next()->content), fields[1], fields[2]};
}
tsl::Bytes rebuild(const Parts& p) {
  tsl::Bytes tbs;
  for (const auto& f : p.tbs) {
    tbs = cat({tbs, f});
  }
  return der_tlv(0x30, cat({der_tlv(0x30, tbs), p.algorithm, p.value}));
}

TEST(SignerKey, WhatIsNotStrictDerOrNotUsualIsLeftToTheWholeDecode) {
  const test::Issued issued = test::issue(test::CertSpec{}, nullptr);
  const Parts parts = parts_of(issued.der);
  ASSERT_EQ(parts.tbs.size(), 8u);  // version, serial, signature, issuer, validity, subject, key, [3]
  ASSERT_EQ(rebuild(parts), issued.der);

  // A byte after the certificate (d2i_X509 stops before it; decode_x509 refuses it).
  tsl::Bytes trailing = issued.der;
  trailing.push_back(0x00);
  EXPECT_FALSE(signer_key_from_parts(trailing));

  // A length in more octets than it needs (BER, not DER): OpenSSL reads it; left to it.
  ASSERT_EQ(issued.der[1], 0x82);
  tsl::Bytes long_form{0x30, 0x83, 0x00};
  long_form.insert(long_form.end(), issued.der.begin() + 2, issued.der.end());
  EXPECT_FALSE(signer_key_from_parts(long_form));
  EXPECT_TRUE(decode_x509(long_form));

  // Extensions in a v1 certificate (no version field): RFC 5280 §4.1.2.1 allows them in v3 only.
  Parts v1 = parts;
  v1.tbs.erase(v1.tbs.begin());
  EXPECT_FALSE(signer_key_from_parts(rebuild(v1)));

  // Version 4 (INTEGER 3) does not exist.
  Parts v4 = parts;
  v4.tbs[0] = der_tlv(0xa0, der_tlv(0x02, {0x03}));
  EXPECT_FALSE(signer_key_from_parts(rebuild(v4)));

  // A critical flag encoded although FALSE (DER omits a DEFAULT value, X.690 §11.5).
  Parts explicit_false = parts;
  detail::DerCursor ext3(explicit_false.tbs[7]);
  const std::vector<tsl::Bytes> seq = tlvs(ext3.next()->content);
  ASSERT_EQ(seq.size(), 1u);
  std::vector<tsl::Bytes> exts = tlvs(detail::DerCursor(seq[0]).next()->content);
  std::vector<tsl::Bytes> first = tlvs(detail::DerCursor(exts[0]).next()->content);
  ASSERT_EQ(first.size(), 2u);  // extnID, extnValue: basicConstraints CA:FALSE is not critical
  exts[0] = der_tlv(0x30, cat({first[0], der_tlv(0x01, {0x00}), first[1]}));
  tsl::Bytes all;
  for (const auto& e : exts) {
    all = cat({all, e});
  }
  explicit_false.tbs[7] = der_tlv(0xa3, der_tlv(0x30, all));
  EXPECT_FALSE(signer_key_from_parts(rebuild(explicit_false)));

  // A subject that is not a Name.
  Parts bad_name = parts;
  bad_name.tbs[5] = der_tlv(0x30, der_tlv(0x02, {0x01}));
  EXPECT_FALSE(signer_key_from_parts(rebuild(bad_name)));

  // A date that is not a Time.
  Parts bad_date = parts;
  bad_date.tbs[4] = der_tlv(0x30, cat({der_tlv(0x17, {'x'}), der_tlv(0x17, {'y'})}));
  EXPECT_FALSE(signer_key_from_parts(rebuild(bad_date)));

  // Fields out of order: the subject before the issuer.
  Parts swapped = parts;
  std::swap(swapped.tbs[3], swapped.tbs[5]);
  std::swap(swapped.tbs[4], swapped.tbs[5]);
  EXPECT_FALSE(signer_key_from_parts(rebuild(swapped)));

  // A key the parts do not build (Ed25519): left to OpenSSL's decoders.
  test::KeyPtr ed(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), EVP_PKEY_free);
  unsigned char* buf = nullptr;
  const int n = i2d_PUBKEY(ed.get(), &buf);
  Parts ed_key = parts;
  ed_key.tbs[6] = tsl::Bytes(buf, buf + n);
  OPENSSL_free(buf);
  EXPECT_FALSE(signer_key_from_parts(rebuild(ed_key)));
  EXPECT_TRUE(decode_x509(rebuild(ed_key)));

  // Truncated anywhere.
  for (std::size_t len = 0; len < issued.der.size(); len += 7) {
    EXPECT_FALSE(signer_key_from_parts(tsl::ByteView(issued.der.data(), len))) << len;
  }
  EXPECT_EQ(ERR_peek_error(), 0UL);
}

}  // namespace
}  // namespace eutl::verify::trust
