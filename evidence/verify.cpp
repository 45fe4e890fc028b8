// Re-verifying an evidence record offline: strict parsing, digests, the record's
// anchors against those the caller trusts, signatures at the recorded time, the
// decision at the recorded T, then the whole record rebuilt and compared field by
// field (see evidence.h).
#include <algorithm>

#include "evidence/anchors.h"
#include "evidence/compare.h"
#include "evidence/json.h"
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

// Decodes {der_base64, sha256} and checks the digest; findings name `where`.
Decoded decode_der(const json& j, const std::string& where, EvidenceCheck& chk) {
  Decoded d;
  auto der = tsl::base64_decode(str(j, "der_base64"));
  if (!der) {
    chk.differences.push_back({where, "der_base64 is not valid base64: " + der.error().message});
    return d;
  }
  const std::string got = tsl::to_hex(tsl::sha256(*der));
  if (got != str(j, "sha256")) {
    chk.differences.push_back({where, "the DER has SHA-256 " + got + ", the record says " + str(j, "sha256") +
                                          " (the certificate was changed)"});
  }
  d.der = std::move(*der);
  d.ok = true;
  return d;
}

std::optional<tsl::TimePoint> time_of(const json& j, const char* key) {
  auto t = tsl::parse_datetime(str(j, key));
  return t ? std::optional<tsl::TimePoint>(t->time) : std::nullopt;
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
void check_snapshot(const json& rec, const EvidenceSources& sources, EvidenceCheck& chk) {
  const std::string id = str(rec, "snapshot");
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
  std::vector<std::string> in_use{snap->lotl.in_use_digest};
  for (const auto& p : snap->pivots) {
    in_use.push_back(p.in_use_digest);
  }
  for (const auto& l : snap->lists) {
    in_use.push_back(l.in_use_digest);
  }
  const json lists = rec.value("lists", json::array());
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const std::string hex = str(lists[i], "sha256");
    if (std::find(in_use.begin(), in_use.end(), hex) == in_use.end()) {
      chk.differences.push_back({"lists[" + std::to_string(i) + "] " + str(lists[i], "territory"),
                                 "SHA-256 " + hex + " is not a list in use in snapshot " + id});
    }
  }
  chk.checked.push_back("snapshot " + id + ": every list of the record is in use in it");
}

struct Inputs final {
  std::optional<verify::CertificateProfile> cert;
  std::vector<verify::CertificateProfile> chain;
  std::vector<tsl::Bytes> anchors;
  std::vector<verify::ListSetInput> lists;
  bool complete = true;
};

Inputs read_inputs(const json& rec, const EvidenceSources& sources, EvidenceCheck& chk) {
  Inputs in;
  Decoded cert = decode_der(rec.value("certificate", json::object()), "certificate", chk);
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
  const json chain = rec.value("chain", json::array());
  for (std::size_t i = 0; i < chain.size(); ++i) {
    Decoded c = decode_der(chain[i], "chain[" + std::to_string(i) + "]", chk);
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
  const json anchors = rec.value("lotl_anchors", json::array());
  for (std::size_t i = 0; i < anchors.size(); ++i) {
    Decoded a = decode_der(anchors[i], "lotl_anchors[" + std::to_string(i) + "]", chk);
    if (a.ok) {
      check_side_file(sources, "anchors/" + str(anchors[i], "sha256") + ".der", a.der, chk);
      in.anchors.push_back(std::move(a.der));
    }
  }
  const json lists = rec.value("lists", json::array());
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const std::string hex = str(lists[i], "sha256");
    const std::string source = str(lists[i], "source");
    const std::string label = "lists[" + std::to_string(i) + "] " + str(lists[i], "territory") + " " + source;
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
  const detail::StrictJson parsed = detail::parse_strict(record_json);
  const json& rec = parsed.value;
  if (rec.is_discarded() || !rec.is_object()) {
    return not_a_record("not a valid JSON object (truncated or edited)");
  }
  if (!rec.contains("schema") || !rec["schema"].is_string() || rec["schema"].get<std::string>() != kEvidenceSchema) {
    return not_a_record("schema is \"" + str(rec, "schema") + "\", expected \"" + std::string(kEvidenceSchema) +
                        "\": not an evidence record");
  }
  EvidenceCheck chk;
  chk.recorded_verdict = rec.value("verdict", json()).is_string() ? rec["verdict"].get<std::string>() : "";
  if (!parsed.duplicate.empty()) {
    // RFC 8259 §4: names within an object should be unique; parsers differ on which
    // copy they keep, so the record could be read two ways.
    chk.differences.push_back({"record", "the key \"" + parsed.duplicate +
                                             "\" appears twice in one object: the record was edited, and readers "
                                             "may disagree on what it says"});
  }
  const std::string digest = rec.contains("integrity") ? str(rec["integrity"], "sha256") : "";
  const std::string actual = detail::integrity_digest(rec);
  if (digest != actual) {
    chk.differences.push_back({"record", "integrity digest is " + actual + ", the record says " +
                                             (digest.empty() ? "nothing" : digest) +
                                             ": the record was modified after it was written"});
  } else {
    chk.checked.push_back("record integrity: SHA-256 " + actual);
  }
  const json question = rec.value("question", json::object());
  auto at = time_of(question, "at");
  auto lists_at = time_of(question, "lists_verified_at");
  if (!at || !lists_at) {
    chk.differences.push_back({"question", "the time T or the list verification time is not a valid time"});
    return chk;
  }
  check_snapshot(rec, sources, chk);
  Inputs in = read_inputs(rec, sources, chk);
  const bool trusted = detail::check_anchors_trusted(in.anchors, detail::trusted_anchors(rec, sources), chk);
  if (!in.complete || !trusted) {
    return chk;  // cannot re-run the decision without every input, nor on anchors nobody trusts
  }

  verify::ListSetRequest req;
  req.lotl_anchors = in.anchors;
  req.at = *lists_at;
  verify::ListSetResult verified = verify::verify_list_set(std::move(in.lists), req);
  chk.checked.push_back("signatures of " + std::to_string(verified.lists.size()) + " lists re-verified at " +
                        tsl::format_time(*lists_at) + " with the record's anchors (all trusted)");
  tsl::ServiceIndex index = tsl::ServiceIndex::build(verify::valid_index_inputs(verified.lists));
  tsl::ServiceIndex unacceptable = tsl::ServiceIndex::build(verify::unacceptable_index_inputs(verified.lists));
  verify::QualificationEngine engine(index, &unacceptable);  // same reasons as `eutl check`
  verify::QualificationRequest q;
  q.certificate = &*in.cert;
  q.chain = verify::chain_pointers(in.chain);
  q.at = *at;
  const std::string claim_text = str(question, "claim");
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
  EvidenceInput again;
  again.certificate = &*in.cert;
  again.chain = q.chain;
  again.at = *at;
  again.claim = claim_text;
  again.lists_at = *lists_at;
  again.lotl_anchors = in.anchors;
  again.lists = &verified.lists;
  again.index = &index;
  again.result = &*result;
  again.snapshot_id = str(rec, "snapshot");
  again.tool_version = rec.contains("tool") ? str(rec["tool"], "version") : "";
  again.checked_at = str(rec, "checked_at");
  // Round-trip through text so both sides have the same (UTF-8-repaired) strings.
  const json rebuilt = json::parse(detail::evidence_body(again).dump(-1, ' ', false, json::error_handler_t::replace));
  chk.verdict = detail::verdict_of(rebuilt);
  chk.checked.push_back("decision re-run at T = " + tsl::format_time(*at) + ": " + chk.verdict);
  detail::compare_records(rec, rebuilt, chk.differences);
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
