// Re-verifying an evidence record offline: strict parsing, digests, the record's
// anchors against those the caller trusts, signatures at the recorded time, the
// decision at the recorded T, then the whole record rebuilt and compared field by
// field (see evidence.h).
#include <algorithm>

#include "evidence/anchors.h"
#include "evidence/compare.h"
#include "evidence/json.h"
#include "evidence/legacy_wording.h"
#include "evidence/matrix_check.h"
#include "evidence/matrix_oj.h"
#include "evidence/record_json.h"
#include "evidence/sources.h"
#include "eutl/verify/certificate_chain.h"

namespace eutl::evidence {
namespace {

using detail::json;

struct Decoded final {
  tsl::Bytes der;
  bool ok = false;
};

std::string str(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

std::string hex_or_empty(const std::optional<tsl::Sha256>& d) { return d ? tsl::to_hex(*d) : std::string(); }

// Decodes a DER member and checks its digest; findings name `where`.
Decoded decode_der(const RecordDer& j, const std::string& where, EvidenceCheck& chk) {
  Decoded d;
  auto der = tsl::base64_decode(j.der_base64);
  if (!der) {
    chk.differences.push_back({where, "der_base64 is not valid base64: " + der.error().message});
    return d;
  }
  const tsl::Sha256 got = tsl::sha256(*der);
  if (!j.sha256 || got != *j.sha256) {
    chk.differences.push_back({where, "the DER has SHA-256 " + tsl::to_hex(got) + ", the record says " +
                                          hex_or_empty(j.sha256) + " (the certificate was changed)"});
  }
  d.der = std::move(*der);
  d.ok = true;
  return d;
}

// A side file of a bundle (certificate.der, anchors/…) must equal the record's copy.
void check_side_file(const EvidenceSources& s, const std::string& name, const tsl::Bytes& der, EvidenceCheck& chk) {
  if (!s.bundle) {
    return;
  }
  std::error_code ec;
  const auto file = *s.bundle / name;
  if (!std::filesystem::exists(file, ec)) {
    return;
  }
  auto bytes = detail::read_file_bytes(file);
  if (!bytes || *bytes != der) {
    chk.differences.push_back({"bundle " + name, "differs from the copy inside the record (SHA-256 " +
                                                     (bytes ? tsl::to_hex(tsl::sha256(*bytes)) : "unreadable") +
                                                     ", record " + tsl::to_hex(tsl::sha256(der)) + ")"});
  }
}

// The snapshot a record names must, when the store still has it, list exactly the
// bytes the record names (the record cannot claim a snapshot it did not use).
void check_snapshot(const EvidenceRecord& rec, const EvidenceSources& sources, EvidenceCheck& chk) {
  const std::string id = rec.snapshot.value_or("");
  std::error_code ec;
  if (id.empty() || sources.bundle || !sources.store ||
      !std::filesystem::is_regular_file(*sources.store / "snapshots" / (id + ".json"), ec)) {
    if (!id.empty()) {
      chk.checked.push_back("snapshot " + id + ": not consulted (not in the store or a bundle was used); lists "
                            "checked by digest");
    }
    return;
  }
  auto store = cache::Store::open(*sources.store);
  auto snap = store ? store->read_snapshot(id) : Result<cache::Snapshot>(store.error());
  if (!snap) {
    chk.differences.push_back({"snapshot", id + ": cannot be read: " + snap.error().message});
    return;
  }
  std::vector<std::optional<tsl::Sha256>> in_use{snap->lotl.in_use_digest};
  for (const auto* records : {&snap->pivots, &snap->lists}) {
    std::transform(records->begin(), records->end(), std::back_inserter(in_use),
                   [](const cache::ListRecord& r) { return r.in_use_digest; });
  }
  for (std::size_t i = 0; i < rec.lists.size(); ++i) {
    const std::string& hex = rec.lists[i].sha256_hex;
    const std::optional<tsl::Sha256> digest = tsl::sha256_from_hex(hex);
    if (!digest || std::find(in_use.begin(), in_use.end(), digest) == in_use.end()) {
      chk.differences.push_back({"lists[" + std::to_string(i) + "] " + rec.lists[i].territory.value_or(""),
                                 "SHA-256 " + hex + " is not a list in use in snapshot " + id});
    }
  }
  chk.checked.push_back("snapshot " + id + ": every list of the record is in use in it");
}

struct Inputs final {
  std::optional<verify::CertificateProfile> cert;
  std::vector<verify::CertificateProfile> chain;
  std::vector<tsl::Bytes> anchors;
  std::vector<tsl::Bytes> tl_signers;  // the caller's national-list signers the record carries
  std::vector<verify::ListSetInput> lists;
  bool complete = true;
};

Inputs read_inputs(const EvidenceRecord& rec, const EvidenceSources& sources, EvidenceCheck& chk) {
  Inputs in;
  Decoded cert = decode_der(rec.certificate, "certificate", chk);
  if (cert.ok) {
    check_side_file(sources, "certificate.der", cert.der, chk);
    auto p = verify::read_certificate_profile(cert.der);
    if (p) {
      in.cert = std::move(*p);
      chk.checked.push_back("certificate: SHA-256 " + tsl::to_hex(in.cert->sha256));
    } else {
      chk.differences.push_back({"certificate", "not a readable certificate: " + p.error().message});
    }
  }
  in.complete = in.cert.has_value();
  for (std::size_t i = 0; i < rec.chain.size(); ++i) {
    Decoded c = decode_der(rec.chain[i], "chain[" + std::to_string(i) + "]", chk);
    auto p = c.ok ? verify::read_certificate_profile(c.der) : Result<verify::CertificateProfile>(Error());
    if (!p) {
      if (c.ok) {
        chk.differences.push_back({"chain[" + std::to_string(i) + "]", "not a readable certificate: " +
                                                                         p.error().message});
      }
      in.complete = false;
      continue;
    }
    check_side_file(sources, "chain/" + std::to_string(i) + ".der", c.der, chk);
    in.chain.push_back(std::move(*p));
  }
  for (std::size_t i = 0; i < rec.lotl_anchors.size(); ++i) {
    Decoded a = decode_der(rec.lotl_anchors[i], "lotl_anchors[" + std::to_string(i) + "]", chk);
    if (a.ok) {
      check_side_file(sources, "anchors/" + hex_or_empty(rec.lotl_anchors[i].sha256) + ".der", a.der, chk);
      in.anchors.push_back(std::move(a.der));
    }
  }
  // eutl-evidence/1 had no tl_signers: a /1 record that names some is re-verified
  // without them (and differs: "in the record but not re-derived").
  if (rec.schema != kEvidenceSchemaV1) {
    for (std::size_t i = 0; i < rec.tl_signers.size(); ++i) {
      Decoded s = decode_der(rec.tl_signers[i], "tl_signers[" + std::to_string(i) + "]", chk);
      if (s.ok) {
        in.tl_signers.push_back(std::move(s.der));
      }
    }
  }
  for (std::size_t i = 0; i < rec.lists.size(); ++i) {
    const std::string& hex = rec.lists[i].sha256_hex;
    const std::string& source = rec.lists[i].source;
    const std::string label = "lists[" + std::to_string(i) + "] " + rec.lists[i].territory.value_or("") + " " + source;
    detail::FoundBytes found = detail::find_list_bytes(sources, hex, source);
    if (!found.bytes) {
      std::string why;
      for (const auto& p : found.problems) {
        why += (why.empty() ? "" : "; ") + p;
      }
      // Nothing found anywhere (e.g. pruned from the store) is not tampering: the
      // record can be neither confirmed nor refused without those bytes.
      if (why.empty()) {
        chk.differences.push_back({label,
                                   "input missing: no bytes with SHA-256 " + hex + " found (looked at " +
                                       found.searched + ")",
                                   EvidenceFindingKind::kInputMissing});
      } else {
        chk.differences.push_back({label, "expected SHA-256 " + hex + ", but " + why});
      }
      in.complete = false;
      continue;
    }
    chk.checked.push_back(label + ": SHA-256 " + hex + " (" + found.origin + ")");
    in.lists.push_back({source, std::move(*found.bytes)});
  }
  return in;
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
  check_snapshot(rec, sources, chk);
  Inputs in = read_inputs(rec, sources, chk);
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
