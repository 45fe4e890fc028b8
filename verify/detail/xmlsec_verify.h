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
// RSA/ECDSA signature methods are enabled. kFast evaluates the whole-document
// reference through xmlsec_whole_document.h (same result, a quarter less CPU);
// kXmlsecOnly is xmlsec's own chain, kept for the equivalence tests.
enum class WholeDocumentPath { kFast, kXmlsecOnly };
XmlsecResult xmlsec_verify(xmlNode* signature, EVP_PKEY* key, WholeDocumentPath path = WholeDocumentPath::kFast);

}  // namespace eutl::verify::trust
