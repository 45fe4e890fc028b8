#include "verify/public_key.h"

#include <gtest/gtest.h>
#include <openssl/err.h>
#include <openssl/rsa.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "eutl/tsl/parser.h"
#include "eutl/tsl/read_file.h"
#include "tests/test_paths.h"
#include "tests/verify/qualification_test_support.h"

namespace eutl::verify::detail {
namespace {

using test::cat;
using test::der_oid;
using test::der_tlv;

// What OpenSSL's own decoders make of `spki` (the reference).
EvpPkeyPtr decoded(const tsl::Bytes& spki) {
  const unsigned char* p = spki.data();
  EvpPkeyPtr key(d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size())));
  ERR_clear_error();
  return p == spki.data() + spki.size() ? std::move(key) : EvpPkeyPtr();
}

tsl::Bytes spki_of(EVP_PKEY* key) {
  unsigned char* buf = nullptr;
  int n = i2d_PUBKEY(key, &buf);
  tsl::Bytes out(buf, buf + (n > 0 ? n : 0));
  OPENSSL_free(buf);
  return out;
}

// SubjectPublicKeyInfo from its parts (RFC 5280 §4.1.2.7).
tsl::Bytes spki(const tsl::Bytes& algorithm, const tsl::Bytes& key_bits) {
  tsl::Bytes bits{0x00};
  bits.insert(bits.end(), key_bits.begin(), key_bits.end());
  return der_tlv(0x30, cat({der_tlv(0x30, algorithm), der_tlv(0x03, bits)}));
}
tsl::Bytes rsa_public_key(const tsl::Bytes& n, const tsl::Bytes& e) {
  return der_tlv(0x30, cat({der_tlv(0x02, n), der_tlv(0x02, e)}));
}
const tsl::Bytes kRsaAlgorithm = cat({der_oid("1.2.840.113549.1.1.1"), der_tlv(0x05, {})});

void expect_same_key(const tsl::Bytes& der, PublicKeyPath path) {
  PublicKey ours = read_public_key(der);
  EvpPkeyPtr reference = decoded(der);
  ASSERT_TRUE(ours.key && reference);
  EXPECT_EQ(EVP_PKEY_eq(ours.key.get(), reference.get()), 1);
  EXPECT_EQ(ours.path, path);
  EXPECT_EQ(ERR_peek_error(), 0UL);  // nothing left on OpenSSL's error queue
}

TEST(PublicKey, RsaAndNamedCurveKeysAreBuiltFromTheirParts) {
  EvpPkeyPtr ec(EVP_EC_gen("P-384"));
  expect_same_key(spki_of(ec.get()), PublicKeyPath::kParts);
  EvpPkeyPtr rsa(EVP_RSA_gen(2048));
  expect_same_key(spki_of(rsa.get()), PublicKeyPath::kParts);
}

TEST(PublicKey, ACompressedPointIsBuiltFromItsPartsToo) {
  EvpPkeyPtr ec(EVP_EC_gen("P-256"));
  ASSERT_EQ(EVP_PKEY_set_utf8_string_param(ec.get(), "point-format", "compressed"), 1);
  tsl::Bytes der = spki_of(ec.get());
  ASSERT_EQ(der.size(), 59u);  // SEC 1 §2.3.3: 0x02 or 0x03, then X only
  expect_same_key(der, PublicKeyPath::kParts);
}

TEST(PublicKey, OtherKindsGoToOpenSslsDecoders) {
  EvpPkeyPtr ed(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  expect_same_key(spki_of(ed.get()), PublicKeyPath::kDecoder);
  // RFC 4055 §1.2: an id-RSASSA-PSS key (with or without its restrictions).
  eutl::detail::CHandle<EVP_PKEY_CTX, EVP_PKEY_CTX_free> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA-PSS", nullptr));
  EVP_PKEY* pss = nullptr;
  ASSERT_TRUE(ctx && EVP_PKEY_keygen_init(ctx.get()) == 1 && EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), 2048) == 1 &&
              EVP_PKEY_generate(ctx.get(), &pss) == 1);
  EvpPkeyPtr pss_key(pss);
  expect_same_key(spki_of(pss), PublicKeyPath::kDecoder);
}

TEST(PublicKey, AnRsaKeyIsBuiltOnlyFromAStrictModulusAndExponent) {
  EvpPkeyPtr rsa(EVP_RSA_gen(2048));
  tsl::Bytes der = spki_of(rsa.get());
  // Same modulus and exponent, AlgorithmIdentifier without the NULL (RFC 4055 §1.2).
  PublicKey ours = read_public_key(der);
  ASSERT_TRUE(ours.key);
  BIGNUM* n = nullptr;
  BIGNUM* e = nullptr;
  ASSERT_EQ(EVP_PKEY_get_bn_param(rsa.get(), "n", &n), 1);
  ASSERT_EQ(EVP_PKEY_get_bn_param(rsa.get(), "e", &e), 1);
  tsl::Bytes nb(static_cast<std::size_t>(BN_num_bytes(n)) + 1, 0);
  BN_bn2bin(n, nb.data() + 1);
  tsl::Bytes eb(static_cast<std::size_t>(BN_num_bytes(e)), 0);
  BN_bn2bin(e, eb.data());
  BN_free(n);
  BN_free(e);
  EXPECT_EQ(spki(kRsaAlgorithm, rsa_public_key(nb, eb)), der);  // the builder is right
  // Some listed keys omit the NULL (RFC 4055 §1.2 requires it); OpenSSL reads them.
  expect_same_key(spki(der_oid("1.2.840.113549.1.1.1"), rsa_public_key(nb, eb)), PublicKeyPath::kParts);
  // Parameters other than NULL are not rsaEncryption's: the decoder's call.
  tsl::Bytes odd = spki(cat({der_oid("1.2.840.113549.1.1.1"), der_oid("1.2.3")}), rsa_public_key(nb, eb));
  PublicKey theirs = read_public_key(odd);
  EXPECT_EQ(theirs.path, PublicKeyPath::kDecoder);
  EXPECT_EQ(bool(theirs.key), bool(decoded(odd)));

  // Not a positive modulus in minimal form: never built here.
  for (const tsl::Bytes& bad_n : {tsl::Bytes{0x80, 0x01}, tsl::Bytes{0x00}, tsl::Bytes{0x00, 0x01}, tsl::Bytes{}}) {
    PublicKey r = read_public_key(spki(kRsaAlgorithm, rsa_public_key(bad_n, eb)));
    EXPECT_EQ(r.path, PublicKeyPath::kDecoder);
  }
}

TEST(PublicKey, BrokenOrForeignKeysAreRefusedAsTheDecoderRefusesThem) {
  EvpPkeyPtr ec(EVP_EC_gen("P-256"));
  tsl::Bytes der = spki_of(ec.get());
  tsl::Bytes trailing = der;
  trailing.push_back(0x00);
  EXPECT_FALSE(read_public_key(trailing).key);
  EXPECT_FALSE(read_public_key(tsl::Bytes(der.begin(), der.end() - 1)).key);
  EXPECT_FALSE(read_public_key({}).key);

  tsl::Bytes point(der.end() - 65, der.end());  // uncompressed P-256 point
  tsl::Bytes ec_alg = cat({der_oid("1.2.840.10045.2.1"), der_oid("1.2.840.10045.3.1.7")});
  ASSERT_EQ(spki(ec_alg, point), der);
  tsl::Bytes off_curve = point;
  off_curve.back() ^= 0x01;
  EXPECT_FALSE(read_public_key(spki(ec_alg, off_curve)).key);
  EXPECT_FALSE(decoded(spki(ec_alg, off_curve)));

  tsl::Bytes unknown_curve = spki(cat({der_oid("1.2.840.10045.2.1"), der_oid("1.3.6.1.4.1.55555.1")}), point);
  PublicKey r = read_public_key(unknown_curve);
  EXPECT_EQ(r.path, PublicKeyPath::kDecoder);
  EXPECT_FALSE(r.key);
  EXPECT_EQ(ERR_peek_error(), 0UL);
}

// Every key of every service certificate in the real 2023 and 2026 lists (current and
// history): the key built from its parts is the decoders' key, and nearly all RSA and EC
// keys are built so.
TEST(PublicKey, EveryRealListedKeyIsTheKeyOpenSslDecodes) {
  EUTL_REQUIRE_REALDATA();
  std::set<tsl::Bytes> seen;
  std::map<std::string, int> by_path;
  for (const char* dir : {"tl/2023", "tl/2026"}) {
    for (const auto& entry : std::filesystem::directory_iterator(test::realdata() / dir)) {
      auto bytes = tsl::read_file(entry.path());
      ASSERT_TRUE(bytes) << entry.path();
      auto list = tsl::parse_trusted_list(*bytes, entry.path().string());
      ASSERT_TRUE(list) << entry.path() << ": " << list.error().message;
      for (const auto& provider : list->providers) {
        for (const auto& service : provider.services) {
          auto states = service.history;
          states.push_back(service.current);
          for (const auto& state : states) {
            for (const auto& c : state.identity.certificates) {
              tsl::ByteView v = c.blob.spki();
              tsl::Bytes der(v.begin(), v.end());
              if (!seen.insert(der).second) {
                continue;
              }
              PublicKey ours = read_public_key(der);
              EvpPkeyPtr reference = decoded(der);
              ASSERT_EQ(bool(ours.key), bool(reference)) << entry.path();
              if (reference) {
                ASSERT_EQ(EVP_PKEY_eq(ours.key.get(), reference.get()), 1) << entry.path();
                by_path[std::string(EVP_PKEY_get0_type_name(reference.get())) +
                        (ours.path == PublicKeyPath::kParts ? " parts" : " decoder")]++;
              }
            }
          }
        }
      }
    }
  }
  for (const auto& [k, n] : by_path) {
    std::cout << "  " << k << ": " << n << " keys\n";
  }
  EXPECT_GT(seen.size(), 1000u);
  EXPECT_GT(by_path["RSA parts"], 500);
  EXPECT_GT(by_path["EC parts"], 50);
  // The few RSA keys left to the decoder are not strict DER (two 1024-bit keys encode the
  // exponent 3 as 02 04 00 00 00 03); they must stay few.
  EXPECT_LE(by_path["RSA decoder"] * 100, by_path["RSA parts"]);
}

}  // namespace
}  // namespace eutl::verify::detail
