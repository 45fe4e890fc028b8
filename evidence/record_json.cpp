// The one JSON writer and reader of an evidence record (include/eutl/evidence/record.h):
// typed members are written over the descriptive sections, sorted keys, integrity last.
#include "evidence/record_json.h"
#include "evidence/detail/json_shapes.h"

#include <array>

namespace eutl::evidence {
namespace detail {
namespace {

json opt(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
json opt_sha(const std::optional<tsl::Sha256>& d) { return d ? json(tsl::to_hex(*d)) : json(nullptr); }

std::string text_of(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}
std::optional<std::string> opt_text_of(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? std::optional(j[key].get<std::string>())
                                                                 : std::nullopt;
}
std::optional<tsl::TimePoint> time_of(const json& j, const char* key) {
  auto t = tsl::parse_datetime(text_of(j, key));
  return t ? std::optional<tsl::TimePoint>(t->time) : std::nullopt;
}
const json& member(const json& j, const char* key) {
  static const json kNull;  // immutable empty value for absent members
  return j.is_object() && j.contains(key) ? j[key] : kNull;
}

// Writes the typed DER members over the section's object (which may hold more keys).
json der_json(const RecordDer& d, json base) {
  if (!base.is_object()) {
    base = json::object();
  }
  base["der_base64"] = d.der_base64;
  base["sha256"] = opt_sha(d.sha256);
  base["subject"] = opt(d.subject);
  return base;
}

RecordDer der_of(const json& j) {
  return {text_of(j, "der_base64"), parse_sha256(text_of(j, "sha256")), opt_text_of(j, "subject")};
}

std::vector<RecordDer> ders_of(const json& arr) {
  std::vector<RecordDer> out;
  if (arr.is_array()) {
    for (const auto& j : arr) {
      out.push_back(der_of(j));
    }
  }
  return out;
}

json at(const json& arr, std::size_t i) { return arr.is_array() && i < arr.size() ? arr[i] : json::object(); }

}  // namespace

std::optional<tsl::Sha256> parse_sha256(std::string_view hex) { return tsl::sha256_from_hex(hex); }

const json& document(const EvidenceRecord& record) {
  static const json kEmpty = json::object();  // immutable, for a record without sections
  return record.sections ? record.sections->doc : kEmpty;
}

json body_json(const EvidenceRecord& r) {
  json body = document(r);
  body.erase("integrity");
  body["schema"] = r.schema;
  body["tool"] = {{"name", r.tool_name}, {"version", r.tool_version}};
  body["checked_at"] = detail::time_json(r.checked_at);
  body["snapshot"] = opt(r.snapshot);
  body["question"] = {{"claim", opt(r.question.claim)},
                      {"at", detail::time_json(r.question.at)},
                      {"lists_verified_at", detail::time_json(r.question.lists_verified_at)}};
  body["certificate"] = der_json(r.certificate, member(body, "certificate"));
  json chain = json::array();
  for (std::size_t i = 0; i < r.chain.size(); ++i) {
    chain.push_back(der_json(r.chain[i], at(member(body, "chain"), i)));
  }
  body["chain"] = chain;
  json anchors = json::array();
  for (std::size_t i = 0; i < r.lotl_anchors.size(); ++i) {
    anchors.push_back(der_json(r.lotl_anchors[i], at(member(body, "lotl_anchors"), i)));
  }
  body["lotl_anchors"] = anchors;
  if (r.tl_signers.empty()) {  // only a record whose lists rest on the caller's signers has the member
    body.erase("tl_signers");
  } else {
    json signers = json::array();
    for (std::size_t i = 0; i < r.tl_signers.size(); ++i) {
      signers.push_back(der_json(r.tl_signers[i], at(member(body, "tl_signers"), i)));
    }
    body["tl_signers"] = signers;
  }
  json lists = json::array();
  for (std::size_t i = 0; i < r.lists.size(); ++i) {
    json l = at(member(body, "lists"), i);
    l["source"] = r.lists[i].source;
    l["sha256"] = r.lists[i].sha256_hex;
    l["territory"] = opt(r.lists[i].territory);
    lists.push_back(std::move(l));
  }
  body["lists"] = lists;
  body["verdict"] = std::string(to_string(r.verdict));
  return body;
}

}  // namespace detail

std::string_view to_string(RecordVerdict v) {
  switch (v) {
    case RecordVerdict::kQualified: return "qualified";
    case RecordVerdict::kNotQualified: return "not_qualified";
    case RecordVerdict::kIndeterminate: return "indeterminate";
    case RecordVerdict::kConfirmed: return "confirmed";
    case RecordVerdict::kRefuted: return "refuted";
    case RecordVerdict::kNone: break;
  }
  return "";
}

RecordVerdict record_verdict_from(std::string_view text) {
  for (auto v : {RecordVerdict::kQualified, RecordVerdict::kNotQualified, RecordVerdict::kIndeterminate,
                 RecordVerdict::kConfirmed, RecordVerdict::kRefuted}) {
    if (to_string(v) == text) {
      return v;
    }
  }
  return RecordVerdict::kNone;
}

VerdictTone tone_of(RecordVerdict v) {
  switch (v) {
    case RecordVerdict::kQualified:
    case RecordVerdict::kConfirmed: return VerdictTone::kGood;
    case RecordVerdict::kNotQualified:
    case RecordVerdict::kRefuted: return VerdictTone::kBad;
    case RecordVerdict::kIndeterminate:
    case RecordVerdict::kNone: break;
  }
  return VerdictTone::kUnknown;
}

std::string to_json(const EvidenceRecord& record) {
  using detail::json;
  json body = detail::body_json(record);
  // The compact, sorted serialisation the digest covers (detail::integrity_digest), made
  // once: invalid UTF-8 from a certificate becomes U+FFFD in it exactly as in the
  // indented text below, which the same error handler writes.
  const std::string covered = body.dump(-1, ' ', false, json::error_handler_t::replace);
  body["integrity"] = {{"algorithm", "sha-256"},
                       {"covers", "the record without this member, serialised compactly with sorted keys"},
                       {"sha256", tsl::to_hex(tsl::sha256(tsl::as_bytes(covered)))}};
  return body.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

RecordRead from_json(std::string_view text) {
  using detail::json;
  detail::StrictJson parsed = detail::parse_strict(text);
  RecordRead out;
  out.duplicate = std::move(parsed.duplicate);
  const json& j = parsed.value;
  if (j.is_discarded() || !j.is_object()) {
    return out;
  }
  EvidenceRecord r;
  r.schema = detail::text_of(j, "schema");
  r.tool_name = detail::text_of(detail::member(j, "tool"), "name");
  r.tool_version = detail::text_of(detail::member(j, "tool"), "version");
  r.checked_at = detail::time_of(j, "checked_at");
  r.snapshot = detail::opt_text_of(j, "snapshot");
  const json& q = detail::member(j, "question");
  r.question = {detail::opt_text_of(q, "claim"), detail::time_of(q, "at"), detail::time_of(q, "lists_verified_at")};
  r.certificate = detail::der_of(detail::member(j, "certificate"));
  r.chain = detail::ders_of(detail::member(j, "chain"));
  r.lotl_anchors = detail::ders_of(detail::member(j, "lotl_anchors"));
  r.tl_signers = detail::ders_of(detail::member(j, "tl_signers"));
  const json& lists = detail::member(j, "lists");
  if (lists.is_array()) {
    for (const auto& l : lists) {
      r.lists.push_back({detail::text_of(l, "source"), detail::text_of(l, "sha256"), detail::opt_text_of(l, "territory")});
    }
  }
  r.verdict = record_verdict_from(detail::text_of(j, "verdict"));
  r.integrity = detail::parse_sha256(detail::text_of(detail::member(j, "integrity"), "sha256"));
  r.sections = std::make_shared<const RecordSections>(RecordSections{std::move(parsed.value)});
  out.record = std::move(r);
  return out;
}

}  // namespace eutl::evidence
