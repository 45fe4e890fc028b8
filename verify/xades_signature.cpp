// The signature of one trusted list against the certificates the caller trusts
// (TS 119 612 V2.4.1 §5.7.1 and Annex B; TS 119 615 §4.2 steps on TL signatures).
//
// The KeyInfo certificates only tell us WHICH trusted certificate signed: the key
// that verifies is always the trusted certificate's own (a key merely present in
// KeyInfo proves nothing).
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "verify/detail/signature.h"
#include "verify/detail/signature_structure.h"
#include "verify/detail/signer_key.h"
#include "verify/detail/x509.h"
#include "verify/detail/xmlsec_verify.h"
#include "verify/reasons.h"

namespace eutl::verify::trust {
namespace {

enum class KeyFamily : std::uint8_t { kRsa, kEc };

struct SigAlgorithm final {
  std::string_view uri;
  bool sha1;
  KeyFamily key;
};

// RFC 6931 §2.3: RSA PKCS#1 v1.5, RSASSA-PSS without parameters (§2.3.10, through
// verify/detail/xmlsec_rsa_pss.h) and ECDSA. MD5 is recognised below only to name
// it in the reason; the parameterised #rsa-pss (§2.3.11) is unsupported.
inline constexpr std::array<SigAlgorithm, 15> kSignatureMethods{{
    {"http://www.w3.org/2000/09/xmldsig#rsa-sha1", true, KeyFamily::kRsa},
    {"http://www.w3.org/2001/04/xmldsig-more#rsa-sha224", false, KeyFamily::kRsa},
    {"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", false, KeyFamily::kRsa},
    {"http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", false, KeyFamily::kRsa},
    {"http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", false, KeyFamily::kRsa},
    {"http://www.w3.org/2007/05/xmldsig-more#sha1-rsa-MGF1", true, KeyFamily::kRsa},
    {"http://www.w3.org/2007/05/xmldsig-more#sha224-rsa-MGF1", false, KeyFamily::kRsa},
    {"http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", false, KeyFamily::kRsa},
    {"http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1", false, KeyFamily::kRsa},
    {"http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1", false, KeyFamily::kRsa},
    {"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1", true, KeyFamily::kEc},
    {"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha224", false, KeyFamily::kEc},
    {"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", false, KeyFamily::kEc},
    {"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", false, KeyFamily::kEc},
    {"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512", false, KeyFamily::kEc},
}};
inline constexpr std::string_view kSha1Digest = "http://www.w3.org/2000/09/xmldsig#sha1";

bool mentions_md5(std::string_view uri) { return uri.find("md5") != std::string_view::npos; }

const SigAlgorithm* find_method(std::string_view uri) {
  for (const auto& m : kSignatureMethods) {
    if (m.uri == uri) {
      return &m;
    }
  }
  return nullptr;
}

// ETSI TS 119 312 V1.4.3 §6 (and SOG-IS): SHA-1 and MD5 are not fit for new
// signatures; RSA below 1024 bits is broken. Our SHA-1 cut-off is kSha1CutOff.
Outcome check_algorithms(const SignatureStructure& st, EVP_PKEY* key, std::vector<Reason>& reasons) {
  const SigAlgorithm* method = find_method(st.signature_method);
  if (mentions_md5(st.signature_method)) {
    reasons.push_back(reasons::make(reasons::kSigAlgorithmWeak, st.signature_method));
    return Outcome::kFail;
  }
  if (method == nullptr) {
    reasons.push_back(reasons::make(reasons::kSigAlgorithmUnsupported, st.signature_method));
    return Outcome::kIndeterminate;
  }
  bool sha1 = method->sha1;
  for (const auto& d : st.digest_methods) {
    if (mentions_md5(d)) {
      reasons.push_back(reasons::make(reasons::kSigAlgorithmWeak, d));
      return Outcome::kFail;
    }
    if (digest_for_uri(d) == nullptr) {
      reasons.push_back(reasons::make(reasons::kSigAlgorithmUnsupported, d));
      return Outcome::kIndeterminate;
    }
    sha1 = sha1 || d == kSha1Digest;
  }
  if (sha1 && (!st.signing_time || *st.signing_time >= kSha1CutOff)) {
    reasons.push_back(reasons::make(reasons::kSigAlgorithmWeak, "SHA-1 in a signature made on or after " +
                                                                    tsl::format_time(kSha1CutOff)));
    return Outcome::kFail;
  }
  int type = ::EVP_PKEY_get_base_id(key);
  // RFC 4055 id-RSASSA-PSS keys carry their own PSS restrictions, which xmlsec
  // 1.2.37 cannot load and we do not check: unsupported, not wrong.
  if (type == EVP_PKEY_RSA_PSS) {
    reasons.push_back(reasons::make(reasons::kSigAlgorithmUnsupported,
                                    "the signer's key is an RSASSA-PSS (id-RSASSA-PSS) key"));
    return Outcome::kIndeterminate;
  }
  // A PSS or PKCS#1 method with an EC key (or ECDSA with RSA) can never verify.
  int wanted = method->key == KeyFamily::kRsa ? EVP_PKEY_RSA : EVP_PKEY_EC;
  if (type != wanted) {
    const char* name = ::EVP_PKEY_get0_type_name(key);
    reasons.push_back(reasons::make(reasons::kSigValueInvalid,
                                    "the signer's key type does not fit the method: " + st.signature_method +
                                        " needs an " + (wanted == EVP_PKEY_RSA ? "RSA" : "EC") +
                                        " key, the signer's key is " + (name != nullptr ? name : "unknown")));
    return Outcome::kFail;
  }
  if (type == EVP_PKEY_RSA && ::EVP_PKEY_get_bits(key) < kMinRsaBits) {
    reasons.push_back(reasons::make(reasons::kSigAlgorithmWeak,
                                    "RSA key of " + std::to_string(::EVP_PKEY_get_bits(key)) + " bits"));
    return Outcome::kFail;
  }
  return Outcome::kPass;
}

// XAdES EN 319 132-1 §5.2.2: the signed SigningCertificate(V2) identifies the signer.
// TS 119 612 V2.4.1 (v6 lists) requires SigningCertificateV2.
void check_signing_certificate(const SignatureStructure& st, const tsl::Bytes& der, RequireSigningCertV2 v2,
                               std::vector<Reason>& reasons) {
  if (st.signing_cert_v1.empty() && st.signing_cert_v2.empty()) {
    reasons.push_back(reasons::make(reasons::kSigningCertMissing));
    return;
  }
  if (v2 == RequireSigningCertV2::kYes && st.signing_cert_v2.empty()) {
    reasons.push_back(reasons::make(reasons::kSigningCertV1InV6));
  }
  auto matches = [&](const std::vector<CertDigestRef>& refs) {
    return std::any_of(refs.begin(), refs.end(), [&](const CertDigestRef& r) {
      auto d = digest(r.algorithm, der);
      return d && *d == r.value;
    });
  };
  if (!matches(st.signing_cert_v1) && !matches(st.signing_cert_v2)) {
    reasons.push_back(reasons::make(reasons::kSigningCertMismatch));
  }
}

// XAdES EN 319 132-1 §5.2.1 SigningTime; TS 119 612 Annex B: the signer's
// certificate must be valid when the list was signed.
void check_signing_time(const SignatureStructure& st, const std::optional<Validity>& v,
                        std::vector<Reason>& reasons) {
  if (!st.signing_time) {
    reasons.push_back(reasons::make(reasons::kSigningTimeMissing,
                                    st.signing_time_present ? "SigningTime is not a valid dateTime" : ""));
    return;
  }
  if (!v) {
    reasons.push_back(reasons::make(reasons::kSigningTimeOutsideValidity, "the validity cannot be read"));
    return;
  }
  if (*st.signing_time < v->not_before || *st.signing_time > v->not_after) {
    reasons.push_back(reasons::make(reasons::kSigningTimeOutsideValidity,
                                    "signed " + tsl::format_time(*st.signing_time) + ", valid " +
                                        tsl::format_time(v->not_before) + " to " + tsl::format_time(v->not_after)));
  }
}

const TrustedSigner* find_signer(const SignatureStructure& st, const TrustedSet& trusted) {
  for (const auto& der : st.keyinfo_certificates) {
    tsl::Sha256 h = tsl::sha256(der);
    for (const auto& t : trusted) {
      if (t.sha256 == h && t.der == der) {
        return &t;
      }
    }
  }
  // No certificate in KeyInfo named a trusted one: the signed SigningCertificate digest may.
  for (const auto& t : trusted) {
    for (const auto* refs : {&st.signing_cert_v2, &st.signing_cert_v1}) {
      for (const auto& r : *refs) {
        auto d = digest(r.algorithm, t.der);
        if (d && *d == r.value) {
          return &t;
        }
      }
    }
  }
  return nullptr;
}

void add_crypto_reason(const XmlsecResult& r, std::vector<Reason>& reasons) {
  switch (r.status) {
    case XmlsecStatus::kOk:
      break;
    case XmlsecStatus::kDigestMismatch:
      reasons.push_back(reasons::make(reasons::kSigDigestMismatch, r.detail));
      break;
    case XmlsecStatus::kValueInvalid:
      reasons.push_back(reasons::make(reasons::kSigValueInvalid, r.detail));
      break;
    case XmlsecStatus::kError:
      reasons.push_back(reasons::make(reasons::kSigVerifyError, r.detail));
      break;
  }
}

Outcome outcome_of(const std::vector<Reason>& reasons) {
  Outcome o = Outcome::kPass;
  for (const auto& r : reasons) {
    auto s = reasons::severity_of(r.code);
    if (s == reasons::Severity::kInvalid) {
      return Outcome::kFail;
    }
    if (s == reasons::Severity::kIndeterminate) {
      o = Outcome::kIndeterminate;
    }
  }
  return o;
}


// Everything about the signature that depends on one certificate's key.
SignatureCandidate examine(const SignatureStructure& st, xmlNode* signature, const tsl::Bytes& der) {
  SignatureCandidate c;
  c.der = der;
  c.sha256 = tsl::sha256(der);
  // The key and dates from a strict walk of the certificate where it is one (most are),
  // else from OpenSSL's whole decode: the same key either way (verify/detail/signer_key.h).
  std::optional<SignerKey> parts = signer_key_from_parts(der);
  X509Ptr cert = parts ? X509Ptr() : decode_x509(der);
  EVP_PKEY* key = parts ? parts->key.get() : cert ? ::X509_get0_pubkey(cert.get()) : nullptr;
  if (key == nullptr) {
    return c;
  }
  c.decoded = true;
  c.validity = parts ? std::optional<Validity>(parts->validity) : validity(cert.get());
  if (check_algorithms(st, key, c.algorithm_reasons) == Outcome::kPass) {
    c.crypto = xmlsec_verify(signature, key);
    c.crypto_done = true;
  }
  return c;
}

const SignatureCandidate* find_candidate(const PreparedSignature& p, const tsl::Sha256& h, const tsl::Bytes& der) {
  for (const auto& c : p.candidates) {
    if (c.sha256 == h && c.der == der) {
      return &c;
    }
  }
  return nullptr;
}

// True when every SigningCertificate(V2) digest names a KeyInfo certificate: then the
// signer, whoever is trusted, is one of the candidates.
bool signing_certs_in_keyinfo(const SignatureStructure& st) {
  for (const auto* refs : {&st.signing_cert_v2, &st.signing_cert_v1}) {
    for (const auto& r : *refs) {
      bool found = std::any_of(st.keyinfo_certificates.begin(), st.keyinfo_certificates.end(),
                               [&](const tsl::Bytes& der) {
                                 auto d = digest(r.algorithm, der);
                                 return d && *d == r.value;
                               });
      if (!found) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

void add_trusted(TrustedSet& set, const tsl::Bytes& der, const std::string& label) {
  tsl::Sha256 h = tsl::sha256(der);
  for (const auto& t : set) {
    if (t.sha256 == h) {
      return;
    }
  }
  set.push_back(TrustedSigner{der, h, label});
}

PreparedSignature prepare_signature(const tsl::XmlDocument& doc) {
  PreparedSignature p;
  p.structure = read_signature_structure(doc, p.st, p.structure_reasons);
  if (p.structure != Outcome::kPass) {
    p.st.signature = nullptr;
    return p;
  }
  for (const auto& der : p.st.keyinfo_certificates) {
    if (p.candidates.size() == kMaxCandidates) {
      p.needs_document = true;
      break;
    }
    tsl::Sha256 h = tsl::sha256(der);
    if (find_candidate(p, h, der) == nullptr) {
      p.candidates.push_back(examine(p.st, p.st.signature, der));
    }
  }
  p.needs_document = p.needs_document || p.candidates.empty() || !signing_certs_in_keyinfo(p.st);
  if (!p.needs_document) {
    p.st.signature = nullptr;  // the document may be freed now
  }
  return p;
}

SignatureCheck check_list_signature(const PreparedSignature& prepared, const SignatureRequest& request,
                                    const tsl::XmlDocument* doc) {
  SignatureCheck out;
  const SignatureStructure& st = prepared.st;
  out.reasons = prepared.structure_reasons;
  if (prepared.structure != Outcome::kPass) {
    out.outcome = outcome_of(out.reasons);
    return out;
  }
  out.keyinfo_certificates = st.keyinfo_certificates;
  out.info.signature_method = st.signature_method;
  out.info.signing_time = st.signing_time;
  static const TrustedSet kNone;
  const TrustedSigner* signer = find_signer(st, request.trusted ? *request.trusted : kNone);
  if (signer == nullptr) {
    const auto& why = request.untrusted_reason ? *request.untrusted_reason : reasons::kSignerNotTrusted;
    out.reasons.push_back(reasons::make(why, request.untrusted_detail));
    if (!st.keyinfo_certificates.empty()) {
      out.info.signer_der = st.keyinfo_certificates.front();
      out.info.signer_sha256 = tsl::sha256(out.info.signer_der);
      // Diagnostic only (never makes the list trusted): did the content change too?
      const SignatureCandidate* c = find_candidate(prepared, *out.info.signer_sha256, out.info.signer_der);
      if (request.diagnose == DiagnoseUntrusted::kYes && c != nullptr && c->decoded) {
        out.reasons.insert(out.reasons.end(), c->algorithm_reasons.begin(), c->algorithm_reasons.end());
        if (c->crypto_done && c->crypto.status == XmlsecStatus::kDigestMismatch) {
          add_crypto_reason(c->crypto, out.reasons);
        }
      }
    }
    out.outcome = Outcome::kFail;
    return out;
  }
  out.info.signer_der = signer->der;
  out.info.signer_sha256 = signer->sha256;
  out.info.matched = signer->label;
  const SignatureCandidate* c = find_candidate(prepared, signer->sha256, signer->der);
  std::optional<SignatureCandidate> late;
  if (c == nullptr && doc != nullptr && st.signature != nullptr) {
    // The trusted signer is named by SigningCertificate only: verify on the document.
    late = examine(st, st.signature, signer->der);
    c = &*late;
  }
  if (c == nullptr) {
    out.reasons.push_back(reasons::make(reasons::kSigVerifyError, "the signed document is no longer available"));
    out.outcome = Outcome::kIndeterminate;
    return out;
  }
  if (!c->decoded) {
    out.reasons.push_back(reasons::make(reasons::kSigVerifyError, "the trusted certificate cannot be decoded"));
    out.outcome = Outcome::kIndeterminate;
    return out;
  }
  out.reasons.insert(out.reasons.end(), c->algorithm_reasons.begin(), c->algorithm_reasons.end());
  if (c->crypto_done) {
    add_crypto_reason(c->crypto, out.reasons);
  }
  check_signing_certificate(st, signer->der, request.require_v2, out.reasons);
  check_signing_time(st, c->validity, out.reasons);
  out.outcome = outcome_of(out.reasons);
  return out;
}

SignatureCheck check_list_signature(const tsl::XmlDocument& doc, const SignatureRequest& request) {
  return check_list_signature(prepare_signature(doc), request, &doc);
}

}  // namespace eutl::verify::trust
