// Re-verifying an evidence record offline: strict parsing, digests, the record's
// anchors against those the caller trusts, signatures at the recorded time, the
// decision at the recorded T, then the whole record rebuilt and compared field by
// field (see evidence.h). Reading the record's inputs: verify_inputs.h.
#include <algorithm>

#include "evidence/anchors.h"
#include "evidence/compare.h"
#include "evidence/json.h"
#include "evidence/legacy_wording.h"
#include "evidence/matrix_check.h"
#include "evidence/matrix_oj.h"
#include "evidence/record_json.h"
#include "evidence/verify_inputs.h"
#include "eutl/verify/certificate_chain.h"

namespace eutl::evidence {
namespace {

using detail::json;

std::string str(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// The outcome is the most serious kind of finding (evidence.h).
void conclude(EvidenceCheck& chk) {
  auto has = [&](EvidenceFindingKind k) {
    return std::any_of(chk.differences.begin(), chk.differences.end(),
                       [k](const EvidenceFinding& f) { return f.kind == k; });
  };
  chk.outcome = chk.differences.empty()                         ? EvidenceOutcome::kSame
                : has(EvidenceFindingKind::kDiffers)            ? EvidenceOutcome::kDiffers
                : has(EvidenceFindingKind::kUntrustedAnchor)    ? EvidenceOutcome::kUntrustedAnchors
                                                                : EvidenceOutcome::kInputsMissing;
  chk.same = chk.outcome == EvidenceOutcome::kSame;
}

EvidenceCheck not_a_record(std::string message) {
  EvidenceCheck chk;
  chk.differences.push_back({"record", std::move(message)});
  chk.outcome = EvidenceOutcome::kNotARecord;
  return chk;
}

EvidenceCheck verify_body(std::string_view record_json, const EvidenceSources& sources) {
  const RecordRead read = from_json(record_json);
  if (!read.record) {
    return not_a_record("not a valid JSON object (truncated or edited)");
  }
  const EvidenceRecord& rec = *read.record;
  if (!is_known_schema(rec.schema)) {
    return not_a_record("schema is \"" + rec.schema + "\", expected \"" + std::string(kEvidenceSchema) + "\", \"" +
                        std::string(kEvidenceSchemaV2) + "\" or \"" + std::string(kEvidenceSchemaV1) +
                        "\": not an evidence record");
  }
  EvidenceCheck chk;
  chk.recorded_verdict = rec.verdict;
  if (!read.duplicate.empty()) {
    // RFC 8259 §4: names within an object should be unique; parsers differ on which
    // copy they keep, so the record could be read two ways.
    chk.differences.push_back({"record", "the key \"" + read.duplicate +
                                             "\" appears twice in one object: the record was edited, and readers "
                                             "may disagree on what it says"});
  }
  const json& doc = detail::document(rec);
  const tsl::Sha256 actual = detail::integrity_digest(doc);
  if (rec.integrity != actual) {
    const std::string said = doc.contains("integrity") ? str(doc["integrity"], "sha256") : "";
    chk.differences.push_back({"record", "integrity digest is " + tsl::to_hex(actual) + ", the record says " +
                                             (said.empty() ? "nothing" : said) +
                                             ": the record was modified after it was written"});
  } else {
    chk.checked.push_back("record integrity: SHA-256 " + tsl::to_hex(actual));
  }
  const auto& at = rec.question.at;
  const auto& lists_at = rec.question.lists_verified_at;
  if (!at || !lists_at) {
    chk.differences.push_back({"question", "the time T or the list verification time is not a valid time"});
    return chk;
  }
  detail::check_snapshot(rec, sources, chk);
  detail::Inputs in = detail::read_inputs(rec, sources, chk);
  detail::check_matrix_digests(rec, chk);
  const bool trusted = detail::check_anchors_trusted(in.anchors, detail::trusted_anchors(rec, sources), chk);
  if (!in.complete || !trusted) {
    return chk;  // cannot re-run the decision without every input, nor on anchors nobody trusts
  }

  verify::ListSetRequest req;
  req.lotl_anchors = in.anchors;
  req.tl_signers = in.tl_signers;
  req.at = *lists_at;
  verify::ListSetResult verified = verify::verify_list_set(std::move(in.lists), req);
  chk.checked.push_back("signatures of " + std::to_string(verified.lists.size()) + " lists re-verified at " +
                        tsl::format_time(*lists_at) + " with the record's anchors (all trusted)");
  detail::note_caller_signers(in.tl_signers.size(), verified.lists, chk);
  tsl::ServiceIndex index = tsl::ServiceIndex::build(verify::valid_index_inputs(verified.lists));
  tsl::ServiceIndex unacceptable = tsl::ServiceIndex::build(verify::unacceptable_index_inputs(verified.lists));
  verify::QualificationEngine engine(index, &unacceptable);  // same reasons as `eutl check`
  verify::QualificationRequest q;
  q.certificate = &*in.cert;
  q.chain = verify::chain_pointers(in.chain);
  q.at = *at;
  const std::string claim_text = rec.question.claim.value_or("");
  if (!claim_text.empty()) {
    auto claim = verify::parse_claim(claim_text);
    if (!claim) {
      chk.differences.push_back({"question.claim", claim.error().message});
      return chk;
    }
    q.claim = *claim;
  }
  auto result = engine.decide(q);
  if (!result) {
    chk.differences.push_back({"decision", "could not be re-run: " + result.error().message});
    return chk;
  }
  if (!rec.checked_at) {
    chk.differences.push_back({"checked_at", "not a valid time"});
    return chk;
  }
  const std::string snapshot_id = rec.snapshot.value_or("");
  const DecisionLists basis{verified.lists, index, in.anchors, *lists_at, snapshot_id, in.tl_signers};
  const RecordStamp stamp{rec.tool_version, *rec.checked_at};
  EvidenceRecord again = detail::build_record({basis, *in.cert, in.chain, *at, claim_text, *result, stamp});
  again.schema = rec.schema;  // a /1 record is rebuilt as /1
  chk.verdict = again.verdict;
  chk.checked.push_back("decision re-run at T = " + tsl::format_time(*at) + ": " + std::string(to_string(chk.verdict)));
  // Round-trip through text so both sides have the same (UTF-8-repaired) strings.
  json rebuilt = json::parse(detail::body_json(again).dump(-1, ' ', false, json::error_handler_t::replace));
  detail::as_schema(rec.schema, rebuilt);
  detail::accept_legacy_oj_rows(doc, detail::legacy_oj_anchor_source(verified.lists), rebuilt);
  detail::accept_legacy_crosswalk_notes(doc, rebuilt);
  detail::compare_records(doc, rebuilt, chk.differences);
  return chk;
}

EvidenceCheck verify_impl(std::string_view record_json, const EvidenceSources& sources) {
  EvidenceCheck chk = verify_body(record_json, sources);
  if (chk.outcome != EvidenceOutcome::kNotARecord) {
    conclude(chk);
  }
  return chk;
}

}  // namespace

Result<EvidenceCheck> verify_evidence(std::string_view record_json, const EvidenceSources& sources) {
  try {
    return verify_impl(record_json, sources);
  } catch (const json::exception& e) {
    // A member of the wrong JSON type: the record was edited by hand or damaged.
    EvidenceCheck chk;
    chk.differences.push_back({"record", std::string("malformed structure: ") + e.what()});
    return chk;
  }
}

}  // namespace eutl::evidence
