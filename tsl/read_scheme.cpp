// SchemeInformation and PointersToOtherTSL (TS 119 612 V2.4.1 §5.3).
#include <charconv>

#include "tsl/detail/read_context.h"

namespace eutl::tsl::detail {
namespace {

template <typename T>
bool parse_number(std::string_view s, T& out) {
  s = trim(s);
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && ptr == s.data() + s.size();
}

Error missing(const ReadContext& ctx, XmlNode where, std::string_view what) {
  return Error(Errc::kMalformed, ctx.source + ":" + std::to_string(where.line()) + ": " + std::string(what));
}

OtherTslPointer read_pointer(ReadContext& ctx, XmlNode p) {
  OtherTslPointer out;
  XmlNode location = p.child(ns::kTsl, "TSLLocation");
  out.location = location.text();
  check_uri(ctx, out.location, location.line());
  for (XmlNode sdi : children(p.child(ns::kTsl, "ServiceDigitalIdentities"), ns::kTsl, "ServiceDigitalIdentity")) {
    out.identities.push_back(read_digital_identity(ctx, sdi));
  }
  // AdditionalInformation holds TextualInformation and OtherInformation, each
  // OtherInformation wrapping exactly one typed value.
  for (XmlNode oi : children(p.child(ns::kTsl, "AdditionalInformation"), ns::kTsl, "OtherInformation")) {
    XmlNode v = oi.first_element();
    if (v.is(ns::kTsl, "TSLType")) {
      out.tsl_type_uri = v.text();
      out.tsl_type = classify_tsl_type(out.tsl_type_uri);
    } else if (v.is(ns::kTsl, "SchemeTerritory")) {
      out.territory = v.text();
    } else if (v.is(ns::kTslx, "MimeType")) {
      out.mime_type = v.text();
    } else if (v.is(ns::kTsl, "SchemeOperatorName")) {
      out.scheme_operator_name = read_multilang(ctx, v, "Name");
    }
  }
  return out;
}

}  // namespace

Result<SchemeInformation> read_scheme_information(ReadContext& ctx, XmlNode si) {
  SchemeInformation out;
  // A missing TSLVersionIdentifier leaves the list readable (version 0, a warning):
  // the schema violation surfaces again when the signature or the version-specific
  // rules are checked. A value that is present but not a number is refused.
  XmlNode version = si.child(ns::kTsl, "TSLVersionIdentifier");
  if (!version) {
    ctx.warn("version-missing", "TSLVersionIdentifier missing (required by the schema)", si.line());
  } else if (!parse_number(version.text(ctx.scratch), out.version)) {
    return missing(ctx, version, "TSLVersionIdentifier is not a number");
  }
  XmlNode seq = si.child(ns::kTsl, "TSLSequenceNumber");
  if (!parse_number(seq.text(ctx.scratch), out.sequence_number) || out.sequence_number == 0) {
    return missing(ctx, seq ? seq : si, "TSLSequenceNumber missing or not a positive integer");
  }
  out.tsl_type_uri = si.child(ns::kTsl, "TSLType").text();
  out.tsl_type = classify_tsl_type(out.tsl_type_uri);
  if (out.tsl_type_uri.empty()) {
    return missing(ctx, si, "TSLType missing");
  }
  out.operator_name = read_multilang(ctx, si.child(ns::kTsl, "SchemeOperatorName"), "Name");
  out.operator_address = read_address(ctx, si.child(ns::kTsl, "SchemeOperatorAddress"));
  out.scheme_name = read_multilang(ctx, si.child(ns::kTsl, "SchemeName"), "Name");
  out.information_uris = read_multilang_uris(ctx, si.child(ns::kTsl, "SchemeInformationURI"));
  out.status_determination_approach = si.child(ns::kTsl, "StatusDeterminationApproach").text();
  out.community_rules = read_uri_list(si.child(ns::kTsl, "SchemeTypeCommunityRules"), "URI");
  out.territory = si.child(ns::kTsl, "SchemeTerritory").text();
  XmlNode notice = si.child(ns::kTsl, "PolicyOrLegalNotice");
  out.policy_or_legal_notice.policies = read_multilang(ctx, notice, "TSLPolicy");
  out.policy_or_legal_notice.legal_notices = read_multilang(ctx, notice, "TSLLegalNotice");
  std::uint64_t period = 0;
  if (parse_number(si.child(ns::kTsl, "HistoricalInformationPeriod").text(ctx.scratch), period)) {
    out.historical_information_period = period;
  }
  for (XmlNode p : children(si.child(ns::kTsl, "PointersToOtherTSL"), ns::kTsl, "OtherTSLPointer")) {
    out.pointers.push_back(read_pointer(ctx, p));
  }
  XmlNode issued = si.child(ns::kTsl, "ListIssueDateTime");
  auto issue = read_time(ctx, issued, "ListIssueDateTime");
  if (!issue) {
    return missing(ctx, issued ? issued : si, "ListIssueDateTime missing or invalid");
  }
  out.issue_date = *issue;
  XmlNode next = si.child(ns::kTsl, "NextUpdate");
  if (!next) {
    ctx.warn("next-update-missing", "NextUpdate element missing (it is required; empty means closed)", si.line());
  }
  out.next_update = read_time(ctx, next.child(ns::kTsl, "dateTime"), "NextUpdate");
  out.distribution_points = read_uri_list(si.child(ns::kTsl, "DistributionPoints"), "URI");
  return out;
}

}  // namespace eutl::tsl::detail
