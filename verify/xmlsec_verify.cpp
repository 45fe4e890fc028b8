// xmlsec1 (OpenSSL backend) driven with an allow-list on the context, the way
// xmlsec's own "user sets" / "returned" split intends (style: xmlsec anchor).
#include "verify/detail/xmlsec_verify.h"

#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/keys.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/transforms.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>

#include <mutex>

#include "tsl/detail/c_handle.h"
#include "verify/detail/xmlsec_rsa_pss.h"
#include "verify/detail/xmlsec_fast_c14n.h"

namespace eutl::verify::trust {
namespace {

using DsigCtxPtr = eutl::detail::CHandle<xmlSecDSigCtx, ::xmlSecDSigCtxDestroy>;
using KeyPtr = eutl::detail::CHandle<xmlSecKey, ::xmlSecKeyDestroy>;
using KeyDataPtr = eutl::detail::CHandle<xmlSecKeyData, ::xmlSecKeyDataDestroy>;

// xmlsec prints every error to stderr by default; the verdict is read from the
// context instead. The flag is process-wide and only ever set to the same value.
void quiet_xmlsec() {
  static std::once_flag once;
  std::call_once(once, [] { ::xmlSecErrorsDefaultCallbackEnableOutput(0); });
}

bool enable_common(xmlSecDSigCtx* ctx, bool for_signature) {
  const xmlSecTransformId c14n[] = {xmlSecTransformInclC14NId,   xmlSecTransformInclC14NWithCommentsId,
                                    xmlSecTransformExclC14NId,   xmlSecTransformExclC14NWithCommentsId,
                                    xmlSecTransformInclC14N11Id, xmlSecTransformInclC14N11WithCommentsId};
  const xmlSecTransformId digests[] = {xmlSecTransformSha1Id, xmlSecTransformSha224Id, xmlSecTransformSha256Id,
                                       xmlSecTransformSha384Id, xmlSecTransformSha512Id};
  auto enable = [&](xmlSecTransformId id) {
    return for_signature ? ::xmlSecDSigCtxEnableSignatureTransform(ctx, id) >= 0
                         : ::xmlSecDSigCtxEnableReferenceTransform(ctx, id) >= 0;
  };
  for (auto id : c14n) {
    if (!enable(id)) return false;
  }
  for (auto id : digests) {
    if (!enable(id)) return false;
  }
  if (for_signature) {
    const xmlSecTransformId sigs[] = {xmlSecTransformRsaSha1Id,    xmlSecTransformRsaSha224Id,
                                      xmlSecTransformRsaSha256Id,  xmlSecTransformRsaSha384Id,
                                      xmlSecTransformRsaSha512Id,  xmlSecTransformEcdsaSha1Id,
                                      xmlSecTransformEcdsaSha224Id, xmlSecTransformEcdsaSha256Id,
                                      xmlSecTransformEcdsaSha384Id, xmlSecTransformEcdsaSha512Id};
    for (auto id : sigs) {
      if (!enable(id)) return false;
    }
    for (auto id : rsa_pss_transform_ids()) {
      if (!enable(id)) return false;
    }
  } else if (!enable(xmlSecTransformEnvelopedId)) {
    return false;
  }
  return true;
}

KeyPtr make_key(EVP_PKEY* pkey) {
  if (::EVP_PKEY_up_ref(pkey) != 1) {
    return {};
  }
  KeyDataPtr data(::xmlSecOpenSSLEvpKeyAdopt(pkey));
  if (!data) {
    ::EVP_PKEY_free(pkey);
    return {};
  }
  KeyPtr key(::xmlSecKeyCreate());
  if (!key || ::xmlSecKeySetValue(key.get(), data.get()) < 0) {
    return {};
  }
  (void)data.release();  // now owned by `key`
  return key;
}

}  // namespace

XmlsecResult xmlsec_verify(xmlNode* signature, EVP_PKEY* pkey, C14NPath path) {
  XmlsecResult out;
  if (!ensure_xmlsec()) {
    out.detail = "xmlsec could not be initialised";
    return out;
  }
  quiet_xmlsec();
  DsigCtxPtr ctx(::xmlSecDSigCtxCreate(nullptr));  // no keys manager: KeyInfo is never used for the key
  if (!ctx) {
    out.detail = "cannot create an xmlsec context";
    return out;
  }
  ctx->enabledReferenceUris =
      static_cast<xmlSecTransformUriType>(xmlSecTransformUriTypeEmpty | xmlSecTransformUriTypeSameDocument);
  if (!enable_common(ctx.get(), true) || !enable_common(ctx.get(), false)) {
    out.detail = "cannot configure the xmlsec allow-lists";
    return out;
  }
  FastC14NMemo memo;  // outlives xmlSecDSigCtxVerify below
  if (path == C14NPath::kFast) {
    ctx->userData = &memo;  // reaches every reference's transform context
    ctx->referencePreExecuteCallback = reference_fast_c14n;
    ctx->transformCtx.preExecCallback = signed_info_fast_c14n;
    ctx->transformCtx.userData = ctx.get();  // lets the callback update ctx->c14nMethod
  }
  KeyPtr key = make_key(pkey);
  if (!key) {
    out.detail = "the signer's key cannot be used by xmlsec";
    return out;
  }
  ctx->signKey = key.release();  // now owned by the context (freed by xmlSecDSigCtxDestroy)
  if (::xmlSecDSigCtxVerify(ctx.get(), signature) < 0) {
    out.detail = "xmlsec could not process the signature (unsupported algorithm or unresolvable reference)";
    return out;
  }
  // xmlsec 1.2.37 has no failureReason: find the reference that failed, if any.
  xmlSecSize n = ::xmlSecPtrListGetSize(&ctx->signedInfoReferences);
  for (xmlSecSize i = 0; i < n; ++i) {
    auto* ref = static_cast<xmlSecDSigReferenceCtxPtr>(::xmlSecPtrListGetItem(&ctx->signedInfoReferences, i));
    if (ref != nullptr && ref->status != xmlSecDSigStatusSucceeded) {
      out.status = XmlsecStatus::kDigestMismatch;
      out.detail = std::string("reference ") + std::to_string(i + 1) + " (URI=\"" +
                   (ref->uri != nullptr ? reinterpret_cast<const char*>(ref->uri) : "") + "\")";
      return out;
    }
  }
  if (ctx->status == xmlSecDSigStatusSucceeded) {
    out.status = XmlsecStatus::kOk;
  } else {
    out.status = XmlsecStatus::kValueInvalid;
  }
  return out;
}

}  // namespace eutl::verify::trust
