// Stable reason codes for list verification (verify_list_set, `eutl verify`).
//
// A code never changes meaning once published; scripts match on it. Each code has a
// severity that says what it does to the list's status: kInvalid beats kIndeterminate
// beats kExpired; a list with no reason is valid. Warnings (kWarning) never change the
// status. The sentence is the default human text; call sites may append detail.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "eutl/verify/list_set.h"

namespace eutl::verify::reasons {

enum class Severity { kWarning, kExpired, kIndeterminate, kInvalid };

struct ReasonInfo final {
  std::string_view code;
  Severity severity;
  std::string_view sentence;
};

// ---- reading the input ----
inline constexpr ReasonInfo kNotWellFormed{"not-wellformed", Severity::kInvalid,
                                           "the file is not well-formed XML"};
inline constexpr ReasonInfo kMarkupLimit{"markup-limit", Severity::kInvalid,
                                         "the file exceeds a safety limit on its markup (size, depth, namespace "
                                         "declarations or attributes), checked before its signature"};
inline constexpr ReasonInfo kNotATsl{"not-a-tsl", Severity::kInvalid,
                                     "the document is not a readable trusted list"};
// The file was opened and checked, then could not be read (an I/O error, or it grew
// past the size limit meanwhile): nothing can be said of it.
inline constexpr ReasonInfo kUnreadable{"unreadable", Severity::kIndeterminate, "the file could not be read"};
// ---- signature structure (TS 119 612 V2.4.1 §5.7.1 and Annex B; XAdES EN 319 132-1) ----
inline constexpr ReasonInfo kSigMissing{"sig-missing", Severity::kInvalid, "the list is not signed"};
inline constexpr ReasonInfo kSigMultiple{"sig-multiple", Severity::kInvalid,
                                         "the document holds more than one ds:Signature"};
inline constexpr ReasonInfo kSigNotRootChild{"sig-not-root-child", Severity::kInvalid,
                                             "the ds:Signature is not a child of the root element"};
inline constexpr ReasonInfo kSigStructure{"sig-structure", Severity::kInvalid,
                                          "the signature lacks a required element or attribute"};
inline constexpr ReasonInfo kSigRefNotWholeDocument{
    "sig-ref-not-whole-document", Severity::kInvalid,
    "no reference covers the whole document (URI=\"\" or the root's Id)"};
inline constexpr ReasonInfo kSigRefUnexpected{"sig-ref-unexpected", Severity::kInvalid,
                                              "SignedInfo holds a reference that is neither the document "
                                              "nor the SignedProperties"};
inline constexpr ReasonInfo kSigTransformNotAllowed{
    "sig-transform-not-allowed", Severity::kInvalid,
    "a reference uses a transform other than enveloped-signature and canonicalization"};
inline constexpr ReasonInfo kSigSignedPropertiesMissing{
    "sig-signed-properties-missing", Severity::kInvalid,
    "no reference covers this signature's XAdES SignedProperties"};
inline constexpr ReasonInfo kSigDuplicateId{"sig-duplicate-id", Severity::kInvalid,
                                            "an Id value occurs more than once in the document"};
inline constexpr ReasonInfo kSigAlgorithmUnsupported{"sig-algorithm-unsupported", Severity::kIndeterminate,
                                                     "the signature or digest algorithm is not supported"};
inline constexpr ReasonInfo kSigAlgorithmWeak{"sig-algorithm-weak", Severity::kInvalid,
                                              "the signature uses a broken algorithm or a too short key"};
// ---- cryptographic result ----
inline constexpr ReasonInfo kSigDigestMismatch{"sig-digest-mismatch", Severity::kInvalid,
                                               "a reference digest does not match: the signed content changed"};
inline constexpr ReasonInfo kSigValueInvalid{"sig-value-invalid", Severity::kInvalid,
                                             "the signature value does not verify with the signer's key"};
inline constexpr ReasonInfo kSigVerifyError{"sig-verify-error", Severity::kIndeterminate,
                                            "the signature could not be processed"};
// ---- the signer ----
inline constexpr ReasonInfo kSignerNotTrusted{"signer-not-trusted", Severity::kInvalid,
                                              "the LOTL signer is neither an Official Journal anchor nor "
                                              "announced by a verified pivot"};
inline constexpr ReasonInfo kSignerNotInPointer{"signer-not-in-pointer", Severity::kInvalid,
                                                "the signer is not among the certificates the LOTL publishes "
                                                "for this territory and list type"};
inline constexpr ReasonInfo kSigningCertMissing{"signing-cert-missing", Severity::kInvalid,
                                                "no XAdES SigningCertificate(V2) is signed"};
inline constexpr ReasonInfo kSigningCertMismatch{"signing-cert-mismatch", Severity::kInvalid,
                                                 "the signed SigningCertificate digest does not match the signer"};
inline constexpr ReasonInfo kSigningCertV1InV6{"signing-cert-v1-in-v6", Severity::kInvalid,
                                               "a version 6 list must use SigningCertificateV2"};
inline constexpr ReasonInfo kSigningTimeMissing{"signing-time-missing", Severity::kInvalid,
                                                "no XAdES SigningTime is signed"};
inline constexpr ReasonInfo kSigningTimeOutsideValidity{
    "signing-time-outside-validity", Severity::kInvalid,
    "the signing time lies outside the signer certificate's validity period"};
// ---- LOTL anchoring and pivots (TS 119 615 §4.1; LOTL SchemeInformationURI) ----
inline constexpr ReasonInfo kPivotMissing{"pivot-missing", Severity::kInvalid,
                                          "a pivot LOTL announced in SchemeInformationURI was not given"};
inline constexpr ReasonInfo kPivotChainBroken{"pivot-chain-broken", Severity::kInvalid,
                                              "a pivot LOTL in the chain does not verify"};
inline constexpr ReasonInfo kPivotLoop{"pivot-loop", Severity::kInvalid,
                                       "the pivot LOTLs refer to each other in a loop"};
inline constexpr ReasonInfo kPivotDepth{"pivot-depth", Severity::kInvalid,
                                        "more pivots than the configured bound would be needed"};
inline constexpr ReasonInfo kPivotNotOnChain{"pivot-not-on-chain", Severity::kWarning,
                                             "this list of lists is older than the LOTL and not announced "
                                             "as one of its pivots"};
// ---- national list against the LOTL ----
inline constexpr ReasonInfo kNoLotl{"no-lotl", Severity::kIndeterminate, "no LOTL was given"};
inline constexpr ReasonInfo kLotlNotValid{"lotl-not-valid", Severity::kIndeterminate,
                                          "the LOTL this list depends on is not valid"};
inline constexpr ReasonInfo kNoPointer{"no-pointer", Severity::kInvalid,
                                       "the LOTL has no pointer for this territory"};
// ---- national list against the caller's own signers (no LOTL: TS 119 615 lets a
// relying party trust a list directly) ----
inline constexpr ReasonInfo kSignerNotGiven{"signer-not-tl-signer", Severity::kInvalid,
                                            "the signer is not among the list signers the caller trusts"};
inline constexpr ReasonInfo kTslTypeMismatch{"tsl-type-mismatch", Severity::kInvalid,
                                             "the LOTL points to this territory with another TSLType"};
// ---- freshness and consistency at the validation time (TS 119 612 §5.3) ----
inline constexpr ReasonInfo kExpired{"expired", Severity::kExpired,
                                     "NextUpdate has passed at the validation time"};
inline constexpr ReasonInfo kIssuedInFuture{"issued-in-future", Severity::kInvalid,
                                            "ListIssueDateTime is after the validation time"};
inline constexpr ReasonInfo kVersionUnsupported{"version-unsupported", Severity::kInvalid,
                                                "TSLVersionIdentifier is neither 5 nor 6"};
// ---- warnings ----
inline constexpr ReasonInfo kClosedList{"closed-list", Severity::kWarning,
                                        "the list has no NextUpdate: it is closed"};
inline constexpr ReasonInfo kPivotExpiredIgnored{"pivot-history", Severity::kWarning,
                                                 "pivot LOTLs are history: their NextUpdate is not checked"};

inline constexpr std::array kAll{
    kNotWellFormed, kMarkupLimit, kNotATsl, kUnreadable, kSigMissing, kSigMultiple, kSigNotRootChild, kSigStructure,
    kSigRefNotWholeDocument, kSigRefUnexpected, kSigTransformNotAllowed, kSigSignedPropertiesMissing,
    kSigDuplicateId, kSigAlgorithmUnsupported, kSigAlgorithmWeak, kSigDigestMismatch, kSigValueInvalid,
    kSigVerifyError, kSignerNotTrusted, kSignerNotInPointer, kSigningCertMissing, kSigningCertMismatch,
    kSigningCertV1InV6, kSigningTimeMissing, kSigningTimeOutsideValidity, kPivotMissing, kPivotChainBroken,
    kPivotLoop, kPivotDepth, kPivotNotOnChain, kNoLotl, kLotlNotValid, kNoPointer, kSignerNotGiven, kTslTypeMismatch,
    kExpired, kIssuedInFuture, kVersionUnsupported, kClosedList, kPivotExpiredIgnored};

inline Reason make(const ReasonInfo& info, std::string_view detail = {}) {
  std::string message(info.sentence);
  if (!detail.empty()) {
    message += ": ";
    message += detail;
  }
  return Reason{std::string(info.code), std::move(message)};
}

// The severity of a code; unknown codes count as kInvalid (fail closed).
inline Severity severity_of(std::string_view code) {
  for (const auto& r : kAll) {
    if (r.code == code) {
      return r.severity;
    }
  }
  return Severity::kInvalid;
}

}  // namespace eutl::verify::reasons
