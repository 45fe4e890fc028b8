// One xmlsec1 signature verification with a key the caller chose (never a key read
// from KeyInfo). Internal to verify/.
#pragma once

#include <libxml/tree.h>
#include <openssl/evp.h>

#include <string>

namespace eutl::verify::trust {

enum class XmlsecStatus { kOk, kDigestMismatch, kValueInvalid, kError };

struct XmlsecResult final {
  XmlsecStatus status = XmlsecStatus::kError;
  std::string detail;  // which reference failed, or the operational error
};

// Verifies `signature` (a ds:Signature whose same-document Ids are registered) with
// `key` (not consumed). Only empty and same-document reference URIs, the
// canonicalization, enveloped-signature and SHA-2 (and SHA-1) digest transforms and
// RSA (PKCS#1 v1.5 and, through verify/detail/xmlsec_rsa_pss.h, PSS) and ECDSA
// signature methods are enabled. kFast canonicalises through xmlsec_fast_c14n.h
// (same bytes, a third less CPU); kXmlsecOnly is xmlsec's own chains, kept for the
// equivalence tests.
enum class C14NPath { kFast, kXmlsecOnly };
XmlsecResult xmlsec_verify(xmlNode* signature, EVP_PKEY* key, C14NPath path = C14NPath::kFast);

// Sets xmlsec up once per CryptoGuard lifetime (verify/crypto_guard.cpp); false when it
// cannot be. xmlsec_verify calls it first.
bool ensure_xmlsec();

}  // namespace eutl::verify::trust
