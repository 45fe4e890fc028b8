// RSASSA-PSS (RFC 6931 V1 §2.3.10) as xmlsec1 signature transforms, so that PSS
// lists go through the same xmlSecDSigCtxVerify as every other list: reference
// checks, allow-lists and the caller's trusted key stay exactly as they are, and
// only the last step (SignatureValue over the canonical SignedInfo) is ours.
// Modelled on xmlsec's own EVP signature klasses (src/openssl/signatures.c):
// execute() streams the canonical SignedInfo into an EVP_DigestVerify context,
// verify() checks the SignatureValue against it.
//
// Deviations from RFC 6931: verification only (signing is refused); the
// parameterised http://www.w3.org/2007/05/xmldsig-more#rsa-pss (§2.3.11) is not
// implemented, so it stays sig-algorithm-unsupported.
#include "verify/detail/xmlsec_rsa_pss.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <xmlsec/buffer.h>
#include <xmlsec/keys.h>
#include <xmlsec/keysdata.h>
#include <xmlsec/openssl/crypto.h>
#include <xmlsec/transforms.h>

#include <array>
#include <cstring>
#include <new>

#include "tsl/detail/c_handle.h"

namespace eutl::verify::trust {
namespace {

using EvpPkeyPtr = eutl::detail::CHandle<EVP_PKEY, ::EVP_PKEY_free>;
using EvpMdCtxPtr = eutl::detail::CHandle<EVP_MD_CTX, ::EVP_MD_CTX_free>;

// Per transform instance (one per verification, so nothing is shared between threads).
struct PssState final {
  const EVP_MD* md = nullptr;
  EvpPkeyPtr key;
  EvpMdCtxPtr ctx;  // the running EVP_DigestVerify, from the first input on
};

struct PssMethod final {
  const char* name;
  const char* href;
  const EVP_MD* (*md)();
};

// RFC 6931 §2.3.10. SHA-1 is here so that the SHA-1 cut-off rule, not a missing
// transform, decides about it (verify/detail/signature.h).
inline constexpr std::array<PssMethod, 5> kMethods{{
    {"sha1-rsa-MGF1", "http://www.w3.org/2007/05/xmldsig-more#sha1-rsa-MGF1", ::EVP_sha1},
    {"sha224-rsa-MGF1", "http://www.w3.org/2007/05/xmldsig-more#sha224-rsa-MGF1", ::EVP_sha224},
    {"sha256-rsa-MGF1", "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", ::EVP_sha256},
    {"sha384-rsa-MGF1", "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1", ::EVP_sha384},
    {"sha512-rsa-MGF1", "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1", ::EVP_sha512},
}};

// xmlsec allocates objSize bytes per transform and zeroes them; our slot (one
// PssState*) follows the xmlSecTransform header, as in xmlsec's own klasses.
constexpr xmlSecSize kObjSize = sizeof(xmlSecTransform) + sizeof(PssState*);

PssState* state(xmlSecTransformPtr t) {
  PssState* s = nullptr;
  std::memcpy(&s, reinterpret_cast<unsigned char*>(t) + sizeof(xmlSecTransform), sizeof s);
  return s;
}

void set_state(xmlSecTransformPtr t, PssState* s) {
  std::memcpy(reinterpret_cast<unsigned char*>(t) + sizeof(xmlSecTransform), &s, sizeof s);
}

const EVP_MD* digest_of(xmlSecTransformId id);

int pss_initialize(xmlSecTransformPtr t) {
  const EVP_MD* md = digest_of(t->id);
  if (md == nullptr) {
    return -1;
  }
  auto* s = new (std::nothrow) PssState{};
  if (s == nullptr) {
    return -1;
  }
  s->md = md;
  set_state(t, s);  // now owned by the transform (deleted in finalize)
  return 0;
}

void finalize(xmlSecTransformPtr t) {
  delete state(t);
  set_state(t, nullptr);
}

// §2.3.10 methods take no parameters. Child elements (say an RSAPSSParams with
// another salt length) would describe a signature other than the one we check,
// so they are refused rather than ignored.
int read_node(xmlSecTransformPtr /*t*/, xmlNodePtr node, xmlSecTransformCtxPtr /*ctx*/) {
  for (xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) {
      return -1;
    }
  }
  return 0;
}

int set_key_req(xmlSecTransformPtr t, xmlSecKeyReqPtr req) {
  if (t->operation != xmlSecTransformOperationVerify) {
    return -1;  // verification only
  }
  req->keyId = xmlSecOpenSSLKeyDataRsaId;
  req->keyType = xmlSecKeyDataTypePublic;
  req->keyUsage = xmlSecKeyUsageVerify;
  return 0;
}

// xmlsec has already matched the key against set_key_req; the RSA check is
// repeated because an EC key here would be a silent downgrade elsewhere.
int set_key(xmlSecTransformPtr t, xmlSecKeyPtr key) {
  PssState* s = state(t);
  xmlSecKeyDataPtr value = ::xmlSecKeyGetValue(key);
  if (s == nullptr || value == nullptr || !xmlSecKeyDataCheckId(value, xmlSecOpenSSLKeyDataRsaId)) {
    return -1;
  }
  EVP_PKEY* pkey = ::xmlSecOpenSSLKeyDataRsaGetEvp(value);
  if (pkey == nullptr || ::EVP_PKEY_get_base_id(pkey) != EVP_PKEY_RSA || ::EVP_PKEY_up_ref(pkey) != 1) {
    return -1;
  }
  s->key.reset(pkey);  // the reference taken above
  return 0;
}

// RFC 6931 §2.3.10 (after RFC 8017 §9.1): MGF1 with the message digest, salt
// length = digest length. OpenSSL then also requires the 0xBC trailer and
// refuses any other salt length on verification.
bool start(PssState& s) {
  if (!s.key) {
    return false;
  }
  s.ctx.reset(::EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;  // owned by s.ctx
  return s.ctx && ::EVP_DigestVerifyInit(s.ctx.get(), &pctx, s.md, nullptr, s.key.get()) == 1 &&
         ::EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) > 0 &&
         ::EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, s.md) > 0 &&
         ::EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, ::EVP_MD_get_size(s.md)) > 0;
}

int execute(xmlSecTransformPtr t, int last, xmlSecTransformCtxPtr /*ctx*/) {
  PssState* s = state(t);
  if (s == nullptr || t->operation != xmlSecTransformOperationVerify) {
    return -1;
  }
  if (t->status == xmlSecTransformStatusNone) {
    if (!start(*s)) {
      ::ERR_clear_error();
      return -1;
    }
    t->status = xmlSecTransformStatusWorking;
  }
  xmlSecBufferPtr in = &t->inBuf;
  xmlSecSize n = ::xmlSecBufferGetSize(in);
  if (t->status == xmlSecTransformStatusWorking) {
    if (n > 0 && (::EVP_DigestVerifyUpdate(s->ctx.get(), ::xmlSecBufferGetData(in), n) != 1 ||
                  ::xmlSecBufferRemoveHead(in, n) < 0)) {
      return -1;
    }
    if (last != 0) {
      t->status = xmlSecTransformStatusFinished;
    }
    return 0;
  }
  // Finished: nothing may arrive after the last chunk.
  return t->status == xmlSecTransformStatusFinished && n == 0 ? 0 : -1;
}

// A value that does not verify is a verdict (status Fail, return 0), never an
// operational error: that keeps "invalid" apart from "could not process".
int verify(xmlSecTransformPtr t, const xmlSecByte* data, xmlSecSize size, xmlSecTransformCtxPtr /*ctx*/) {
  PssState* s = state(t);
  if (s == nullptr || !s->ctx || t->status != xmlSecTransformStatusFinished) {
    return -1;
  }
  bool ok = data != nullptr && size > 0 && ::EVP_DigestVerifyFinal(s->ctx.get(), data, size) == 1;
  t->status = ok ? xmlSecTransformStatusOk : xmlSecTransformStatusFail;
  if (!ok) {
    ::ERR_clear_error();  // the reason is the status; leave no stale errors on this thread
  }
  return 0;
}

_xmlSecTransformKlass make_klass(const PssMethod& m) {
  return _xmlSecTransformKlass{
      .klassSize = sizeof(xmlSecTransformKlass),
      .objSize = kObjSize,
      .name = reinterpret_cast<const xmlChar*>(m.name),
      .href = reinterpret_cast<const xmlChar*>(m.href),
      .usage = xmlSecTransformUsageSignatureMethod,
      .initialize = pss_initialize,
      .finalize = finalize,
      .readNode = read_node,
      .writeNode = nullptr,
      .setKeyReq = set_key_req,
      .setKey = set_key,
      .verify = verify,
      .getDataType = ::xmlSecTransformDefaultGetDataType,
      .pushBin = ::xmlSecTransformDefaultPushBin,
      .popBin = ::xmlSecTransformDefaultPopBin,
      .pushXml = nullptr,
      .popXml = nullptr,
      .execute = execute,
      .reserved0 = nullptr,
      .reserved1 = nullptr,
  };
}

// Immutable after static initialisation; xmlsec keeps pointers to these.
const std::array<_xmlSecTransformKlass, kMethods.size()> kKlasses{
    make_klass(kMethods[0]), make_klass(kMethods[1]), make_klass(kMethods[2]),
    make_klass(kMethods[3]), make_klass(kMethods[4])};
const std::array<xmlSecTransformId, kMethods.size()> kIds{&kKlasses[0], &kKlasses[1], &kKlasses[2], &kKlasses[3],
                                                          &kKlasses[4]};

const EVP_MD* digest_of(xmlSecTransformId id) {
  for (std::size_t i = 0; i < kKlasses.size(); ++i) {
    if (id == &kKlasses[i]) {
      return kMethods[i].md();
    }
  }
  return nullptr;
}

}  // namespace

std::span<const xmlSecTransformId> rsa_pss_transform_ids() { return kIds; }

bool register_rsa_pss_transforms() {
  for (xmlSecTransformId id : kIds) {
    if (::xmlSecTransformIdsRegister(id) < 0) {
      return false;
    }
  }
  return true;
}

}  // namespace eutl::verify::trust
