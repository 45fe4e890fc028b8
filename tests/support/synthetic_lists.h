// Unsigned trusted lists written in the test, and a stand-in verifier that judges
// them by content, so the store and refresh logic are tested without depending on
// signature verification (which tests/verify covers).
#pragma once

#include <string>
#include <vector>

#include "eutl/tsl/parser.h"
#include "eutl/verify/list_set.h"

namespace eutl::test {

// Marks a list as badly signed for fake_verify().
inline constexpr std::string_view kBadSignatureMarker = "<!--BAD-SIGNATURE-->";

struct SyntheticPointer {
  std::string territory;
  std::string url;
};

inline std::string synthetic_list(const std::string& territory, int seq, const std::string& issued,
                                  const std::string& next_update, const std::vector<SyntheticPointer>& pointers = {},
                                  const std::vector<std::string>& info_uris = {}, bool bad_signature = false) {
  const bool lotl = !pointers.empty() || territory == "EU";
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x += bad_signature ? std::string(kBadSignatureMarker) + "\n" : "";
  x += "<TrustServiceStatusList xmlns=\"http://uri.etsi.org/02231/v2#\" "
       "xmlns:tslx=\"http://uri.etsi.org/02231/v2/additionaltypes#\" TSLTag=\"http://uri.etsi.org/19612/TSLTag\">"
       "<SchemeInformation><TSLVersionIdentifier>5</TSLVersionIdentifier>";
  x += "<TSLSequenceNumber>" + std::to_string(seq) + "</TSLSequenceNumber>";
  x += std::string("<TSLType>http://uri.etsi.org/TrstSvc/TrustedList/TSLType/") +
       (lotl ? "EUlistofthelists" : "EUgeneric") + "</TSLType>";
  x += "<SchemeOperatorName><Name xml:lang=\"en\">Operator " + territory + "</Name></SchemeOperatorName>";
  if (!info_uris.empty()) {
    x += "<SchemeInformationURI>";
    for (const auto& u : info_uris) {
      x += "<URI xml:lang=\"en\">" + u + "</URI>";
    }
    x += "</SchemeInformationURI>";
  }
  x += "<SchemeTerritory>" + territory + "</SchemeTerritory>";
  if (!pointers.empty()) {
    x += "<PointersToOtherTSL>";
    for (const auto& p : pointers) {
      x += "<OtherTSLPointer><TSLLocation>" + p.url +
           "</TSLLocation><AdditionalInformation>"
           "<OtherInformation><TSLType>http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric</TSLType>"
           "</OtherInformation><OtherInformation><SchemeTerritory>" +
           p.territory +
           "</SchemeTerritory></OtherInformation><OtherInformation><tslx:MimeType>application/vnd.etsi.tsl+xml"
           "</tslx:MimeType></OtherInformation></AdditionalInformation></OtherTSLPointer>";
    }
    x += "</PointersToOtherTSL>";
  }
  x += "<ListIssueDateTime>" + issued + "</ListIssueDateTime>";
  x += "<NextUpdate><dateTime>" + next_update + "</dateTime></NextUpdate>";
  x += "</SchemeInformation></TrustServiceStatusList>\n";
  return x;
}

// Valid unless marked badly signed or past NextUpdate; not a list → invalid.
inline verify::ListSetResult fake_verify(std::vector<verify::ListSetInput> inputs,
                                         const verify::ListSetRequest& request) {
  verify::ListSetResult out;
  for (auto& in : inputs) {
    verify::VerifiedList v;
    v.source = in.source;
    v.digest = tsl::sha256(in.bytes);
    auto parsed = tsl::parse_trusted_list(in.bytes, in.source);
    if (!parsed) {
      v.status = verify::ListStatus::kInvalid;
      v.reasons.push_back({"not-a-list", parsed.error().message});
    } else {
      v.kind = parsed->is_lotl() ? verify::ListKind::kLotl : verify::ListKind::kTl;
      const std::string text(in.bytes.begin(), in.bytes.end());
      if (text.find(kBadSignatureMarker) != std::string::npos) {
        v.status = verify::ListStatus::kInvalid;
        v.reasons.push_back({"sig-digest-mismatch", "marked badly signed"});
      } else if (parsed->scheme.next_update && *parsed->scheme.next_update < request.at) {
        v.status = verify::ListStatus::kExpired;
        v.reasons.push_back({"expired", "past NextUpdate"});
      } else {
        v.status = verify::ListStatus::kValid;
      }
      v.list = std::move(*parsed);
    }
    out.lists.push_back(std::move(v));
  }
  return out;
}

}  // namespace eutl::test
