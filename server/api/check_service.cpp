// One check as the API and the web page run it (server/api/check_service.h): the
// decision of the snapshot the request started with, printed as `eutl check --json`
// prints it, and its evidence record kept under its SHA-256.
#include "server/api/check_service.h"

#include <optional>

#include "eutl/claim_for.h"
#include "eutl/evidence_from_lists.h"
#include "eutl/trusted_lists.h"
#include "server/api/evidence_store.h"

namespace eutl::server {

std::string with_evidence_id(const std::string& check_json, const std::string& evidence_id) {
  static constexpr std::string_view kOpen = "{\n  \"evidence_id\": \"";
  std::string out;
  out.reserve(kOpen.size() + evidence_id.size() + 3 + check_json.size());
  out.append(kOpen).append(evidence_id).append("\",");
  out.append(check_json, 1);
  out += '\n';
  return out;
}

Result<std::shared_ptr<const CheckOutput>> run_check(const CheckInput& input, const RequestContext& context) {
  if (input.certificates.empty()) {
    return Error(Errc::kUsage, "no certificate given");
  }
  auto claim = parse_claim_for(input.claim.value_or(""), "claim");
  if (!claim) {
    return std::move(claim).error();
  }
  tsl::TimePoint at = context.now;
  if (input.at && !input.at->empty()) {
    auto parsed = tsl::parse_datetime(*input.at);
    if (!parsed) {
      return Error(Errc::kMalformed, "at: " + parsed.error().message);
    }
    at = parsed->time;
  }
  const std::string claim_text = *claim ? (*claim)->text : std::string();
  std::optional<CheckKey> key;
  if (context.checks && context.lists) {  // only certificates that were read are kept
    key = check_key(input.certificates, claim_text, at, context.now);
    if (auto known = context.checks->find(*key)) {
      context.verdicts.count_verdict(known->answer);
      return known;
    }
  }
  auto certificates = read_certificates(input.certificates);
  if (!certificates) {
    return Error(Errc::kMalformed, "certificate: " + certificates.error().message);
  }
  if (!context.lists) {
    return Error(Errc::kNotFound, context.lists_problem.empty()
                                      ? std::string("no verified snapshot of the trusted lists is loaded")
                                      : context.lists_problem);
  }
  const TrustedLists& lists = *context.lists;
  const verify::CertificateProfile& certificate = certificates->front();
  const std::vector<verify::CertificateProfile> chain(certificates->begin() + 1, certificates->end());
  auto result = lists.check(certificate, chain, at, *claim);
  if (!result) {
    return std::move(result).error();
  }
  auto record = evidence_record(lists, certificate, chain, at, claim_text, *result, {EUTL_VERSION, context.now});
  if (!record) {
    return std::move(record).error();
  }
  auto id = store_evidence(context.config, *record);
  if (!id) {
    return std::move(id).error();
  }
  CheckOutput out;
  out.json = check_json(lists, certificate, *result);
  out.evidence_id = std::move(*id);
  out.answer = answer_of(*result);
  out.api_body = with_evidence_id(out.json, out.evidence_id);
  context.verdicts.count_verdict(out.answer);
  auto shared = std::make_shared<const CheckOutput>(std::move(out));
  if (key) {
    context.checks->insert(*key, shared);
  }
  return shared;
}

}  // namespace eutl::server
