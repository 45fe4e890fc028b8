// A SubjectPublicKeyInfo as an OpenSSL key, common kinds from their parts
// (verify/public_key.h).
#include "verify/public_key.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/param_build.h>

#include <optional>
#include <string>

#include "verify/certificate_profile_der.h"

namespace eutl::verify::detail {
namespace {

using PkeyCtxPtr = eutl::detail::CHandle<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using ParamBldPtr = eutl::detail::CHandle<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
using ParamsPtr = eutl::detail::CHandle<OSSL_PARAM, OSSL_PARAM_free>;
using BignumPtr = eutl::detail::CHandle<BIGNUM, BN_free>;

constexpr std::uint8_t kBitString = 0x03;
constexpr std::string_view kRsaEncryption = "1.2.840.113549.1.1.1";  // RFC 8017 §A.1
constexpr std::string_view kEcPublicKey = "1.2.840.10045.2.1";       // RFC 5480 §2.1.1

// The parts of a SubjectPublicKeyInfo, read as strict DER.
struct SpkiParts final {
  std::string algorithm;
  std::optional<DerTlv> parameters;
  tsl::ByteView key;  // the BIT STRING's bits (no unused bits)
};

std::optional<SpkiParts> split(tsl::ByteView spki) {
  DerCursor outer(spki);
  auto seq = outer.expect(tag::kSequence, "SubjectPublicKeyInfo");
  if (!seq || outer.more()) {
    return std::nullopt;
  }
  DerCursor in(seq->content);
  auto alg = in.expect(tag::kSequence, "AlgorithmIdentifier");
  auto bits = alg ? in.expect(kBitString, "subjectPublicKey") : std::nullopt;
  if (!bits || in.more() || bits->content.empty() || bits->content[0] != 0) {
    return std::nullopt;
  }
  DerCursor a(alg->content);
  auto oid = a.expect(tag::kOid, "algorithm");
  auto dotted = oid ? decode_oid(oid->content) : std::nullopt;
  if (!dotted) {
    return std::nullopt;
  }
  SpkiParts parts{std::move(*dotted), std::nullopt, bits->content.subspan(1)};
  if (a.more()) {
    parts.parameters = a.next();
    if (!parts.parameters || a.more()) {
      return std::nullopt;
    }
  }
  return parts;
}

// A positive INTEGER in minimal form, as a BIGNUM.
BignumPtr positive_integer(const std::optional<DerTlv>& t) {
  if (!t || t->tag != tag::kInteger || t->content.empty() || (t->content[0] & 0x80) != 0) {
    return {};
  }
  tsl::ByteView v = t->content;
  if (v[0] == 0 && (v.size() == 1 || (v[1] & 0x80) == 0)) {
    return {};  // zero, or a leading zero octet that is not needed
  }
  BignumPtr bn(BN_bin2bn(v.data(), static_cast<int>(v.size()), nullptr));
  return bn;
}

EvpPkeyPtr from_params(const char* key_type, const OSSL_PARAM* params) {
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, key_type, nullptr));
  EVP_PKEY* key = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, const_cast<OSSL_PARAM*>(params)) != 1) {
    EVP_PKEY_free(key);
    return {};
  }
  return EvpPkeyPtr(key);
}

// RFC 8017 §A.1.1 RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }.
// RFC 4055 §1.2 requires NULL parameters; some listed keys omit them, which OpenSSL's
// decoder accepts too. Any other parameters are the decoder's call.
EvpPkeyPtr rsa_key(const SpkiParts& parts) {
  if (parts.parameters && (parts.parameters->tag != tag::kNull || !parts.parameters->content.empty())) {
    return {};
  }
  DerCursor outer(parts.key);
  auto seq = outer.expect(tag::kSequence, "RSAPublicKey");
  if (!seq || outer.more()) {
    return {};
  }
  DerCursor in(seq->content);
  BignumPtr n = positive_integer(in.next());
  BignumPtr e = n ? positive_integer(in.next()) : BignumPtr();
  if (!e || in.more()) {
    return {};
  }
  ParamBldPtr bld(OSSL_PARAM_BLD_new());
  if (!bld || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1) {
    return {};
  }
  ParamsPtr params(OSSL_PARAM_BLD_to_param(bld.get()));
  return params ? from_params("RSA", params.get()) : EvpPkeyPtr();
}

// RFC 5480 §2.1.1: ECParameters as a namedCurve OID; the key is the ECPoint octets.
EvpPkeyPtr ec_key(const SpkiParts& parts) {
  if (!parts.parameters || parts.parameters->tag != tag::kOid || parts.key.empty()) {
    return {};
  }
  auto curve = decode_oid(parts.parameters->content);
  int nid = curve ? OBJ_txt2nid(curve->c_str()) : NID_undef;
  const char* group = nid != NID_undef ? OBJ_nid2sn(nid) : nullptr;
  if (group == nullptr) {
    return {};
  }
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char*>(group), 0),
      OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, const_cast<unsigned char*>(parts.key.data()),
                                        parts.key.size()),
      OSSL_PARAM_construct_end(),
  };
  return from_params("EC", params);
}

EvpPkeyPtr from_parts(tsl::ByteView spki) {
  auto parts = split(spki);
  if (!parts) {
    return {};
  }
  if (parts->algorithm == kRsaEncryption) {
    return rsa_key(*parts);
  }
  if (parts->algorithm == kEcPublicKey) {
    return ec_key(*parts);
  }
  return {};
}

}  // namespace

PublicKey read_public_key(tsl::ByteView spki) {
  ERR_set_mark();
  PublicKey out{from_parts(spki), PublicKeyPath::kParts};
  if (!out.key) {
    const unsigned char* p = spki.data();
    out = {EvpPkeyPtr(d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size()))), PublicKeyPath::kDecoder};
    if (out.key && p != spki.data() + spki.size()) {
      out.key.reset();  // trailing bytes
    }
  }
  (void)ERR_pop_to_mark();
  return out;
}

}  // namespace eutl::verify::detail
