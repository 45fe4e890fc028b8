// The XAdES enveloped signature of one trusted list, checked against a set of
// certificates the caller already trusts (OJ anchors, a pivot's announcement or a
// LOTL pointer). Internal to verify/.
//
// Deviations from TS 119 612 V2.4.1 Annex B / EN 319 132-1:
// - RSA-PSS: only the RFC 6931 §2.3.10 methods (xmldsig-more#shaNNN-rsa-MGF1: MGF1
//   with the same digest, salt = digest length, trailer 1), which Debian's xmlsec1
//   1.2.37 lacks and verify/detail/xmlsec_rsa_pss.h adds. The parameterised
//   xmldsig-more#rsa-pss (§2.3.11), PSS with SHA-3, and signers whose key is an
//   id-RSASSA-PSS key get sig-algorithm-unsupported (indeterminate), never a pass.
// - SHA-1 (signature or reference digest) is accepted only for signatures whose
//   signed SigningTime is before kSha1CutOff (2016-07-01, the day Regulation (EU)
//   910/2014 applies); MD5 never. RSA keys must have at least 1024 bits.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"
#include "eutl/tsl/xml_document.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/trace.h"
#include "verify/detail/signature_structure.h"
#include "verify/detail/x509.h"
#include "verify/detail/xmlsec_verify.h"
#include "verify/reasons.h"

namespace eutl::verify::trust {

inline constexpr tsl::TimePoint kSha1CutOff = tsl::kEidasDate;
inline constexpr int kMinRsaBits = 1024;

// Outcome: the shared tri-state of eutl/verify/trace.h (kWarning is not used here).

// A certificate allowed to sign, and what authorised it ("anchor …", "pointer AT in LOTL 332").
struct TrustedSigner final {
  tsl::Bytes der;
  tsl::Sha256 sha256{};
  std::string label;
};
using TrustedSet = std::vector<TrustedSigner>;

void add_trusted(TrustedSet& set, const tsl::Bytes& der, const std::string& label);

enum class RequireSigningCertV2 : bool { kNo, kYes };
// When the signer is untrusted, also verify with the KeyInfo key to tell whether the
// content changed too (a diagnostic; it never makes a list trusted).
enum class DiagnoseUntrusted : bool { kNo, kYes };

struct SignatureRequest final {
  const TrustedSet* trusted = nullptr;
  RequireSigningCertV2 require_v2 = RequireSigningCertV2::kNo;
  // Reason used when the signer is not in `trusted` (signer-not-trusted / -not-in-pointer).
  const reasons::ReasonInfo* untrusted_reason = nullptr;
  std::string untrusted_detail;
  DiagnoseUntrusted diagnose = DiagnoseUntrusted::kYes;
};

struct SignatureCheck final {
  Outcome outcome = Outcome::kIndeterminate;
  std::vector<Reason> reasons;
  SignatureInfo info;
  // Every certificate in KeyInfo (DER), so callers can say where an untrusted signer is listed.
  std::vector<tsl::Bytes> keyinfo_certificates;
};

// What a check learns from one KeyInfo certificate while the document is in memory.
struct SignatureCandidate final {
  tsl::Bytes der;
  tsl::Sha256 sha256{};
  bool decoded = false;              // the certificate and its key could be read
  std::optional<Validity> validity;  // for the SigningTime check
  std::vector<Reason> algorithm_reasons;  // check_algorithms with this key
  bool crypto_done = false;               // algorithms acceptable: xmlsec ran
  XmlsecResult crypto;
};

// The document-dependent half of a signature check, done once per document: the
// structure, and the cryptographic verification with the key of each KeyInfo
// certificate. Which certificate is TRUSTED is decided later, against a set, by
// check_list_signature: a candidate's result counts only when its certificate (by
// DER) is in that set, so this is the same as verifying with the trusted key, and it
// lets verify_list_set free each document right after parsing it.
struct PreparedSignature final {
  Outcome structure = Outcome::kIndeterminate;
  std::vector<Reason> structure_reasons;
  SignatureStructure st;  // st.signature is kept only when needs_document
  std::vector<SignatureCandidate> candidates;
  // The signature may name a signer that is not in KeyInfo (SigningCertificate only,
  // or more KeyInfo certificates than kMaxCandidates): the document must be kept.
  bool needs_document = false;
};
inline constexpr std::size_t kMaxCandidates = 4;

// Reads the structure of `doc`'s signature and verifies it with each KeyInfo
// certificate's key. Registers the signature's Id attributes on the document
// (xmlAddID) after checking that no Id value is duplicated: call once per document.
PreparedSignature prepare_signature(const tsl::XmlDocument& doc);

// Decides the signature against `request.trusted`. `doc` is the document `prepared`
// came from; it is only used when prepared.needs_document (null otherwise is fine).
SignatureCheck check_list_signature(const PreparedSignature& prepared, const SignatureRequest& request,
                                    const tsl::XmlDocument* doc);

// Both steps on one document (the very document the model was read from).
SignatureCheck check_list_signature(const tsl::XmlDocument& doc, const SignatureRequest& request);

}  // namespace eutl::verify::trust
