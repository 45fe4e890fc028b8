// JSON -> Snapshot (the writer is snapshot_json_write.cpp). nlohmann::json stays inside
// these two files (style C2), the only places where the snapshot's digests and times are
// strings: lower-case hex and xsd:dateTime "YYYY-MM-DDTHH:MM:SSZ", "" for none.
#include <nlohmann/json.hpp>

#include <array>
#include <utility>

#include "eutl/cache/snapshot.h"

namespace eutl::cache {
namespace {

using Json = nlohmann::json;

constexpr std::array kListStatuses{verify::ListStatus::kValid, verify::ListStatus::kExpired,
                                   verify::ListStatus::kInvalid, verify::ListStatus::kIndeterminate};

// The names are those of verify::to_string; a name not among them is malformed.
Result<verify::ListStatus> list_status_from(std::string_view name) {
  for (verify::ListStatus s : kListStatuses) {
    if (verify::to_string(s) == name) {
      return s;
    }
  }
  return Error(Errc::kMalformed, "unknown list result \"" + std::string(name) + "\"");
}


// The offending value, quoted and escaped, cut to a readable length (it may be hostile).
std::string quoted(const std::string& text) {
  constexpr std::size_t kMax = 80;
  // The cut may split a UTF-8 sequence: replaced, not thrown.
  const Json cut(text.size() > kMax ? text.substr(0, kMax) + "..." : text);
  return cut.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Reads the typed fields of one JSON object; `where` names it ("lists[3]") in errors.
// A key that is absent reads as "" (older snapshots); a key of the wrong JSON type
// throws, and snapshot_from_json reports that as malformed.
class Fields final {
 public:
  Fields(const Json& j, std::string where) : m_j(j), m_where(std::move(where)) {}

  std::string text(const char* key) const { return m_j.value(key, std::string()); }

  // "" is none; anything else must be what tsl::to_hex writes.
  Result<std::optional<tsl::Sha256>> digest(const char* key) const { return digest_text(key, text(key)); }
  Result<std::optional<tsl::Sha256>> digest_text(const std::string& key, const std::string& hex) const {
    if (hex.empty()) {
      return std::optional<tsl::Sha256>();
    }
    if (auto d = tsl::sha256_from_hex(hex)) {
      return std::optional<tsl::Sha256>(*d);
    }
    return bad(key, "not a SHA-256 digest (64 lower-case hex digits): " + quoted(hex));
  }

  // "" is none; anything else must be what tsl::format_time writes.
  Result<std::optional<tsl::TimePoint>> time(const char* key) const {
    const std::string t = text(key);
    if (t.empty()) {
      return std::optional<tsl::TimePoint>();
    }
    if (auto parsed = tsl::parse_datetime(t); parsed && tsl::format_time(parsed->time) == t) {
      return std::optional<tsl::TimePoint>(parsed->time);
    }
    return bad(key, "not an xsd:dateTime in UTC (YYYY-MM-DDTHH:MM:SSZ): " + quoted(t));
  }

  Error bad(const std::string& key, const std::string& why) const {
    return Error(Errc::kMalformed, (m_where.empty() ? key : m_where + "." + key) + ": " + why);
  }
  const std::string& where() const { return m_where; }

 private:
  const Json& m_j;
  std::string m_where;
};

// Assigns *r to `into`, or keeps the first error.
template <typename T, typename U>
bool take(Result<T> r, U& into, std::optional<Error>& error) {
  if (!r) {
    error = std::move(r).error();
    return false;
  }
  into = std::move(*r);
  return true;
}

// The "reasons" array of `object`; none when absent or not an array.
std::vector<ReasonCode> reasons_from_json(const Json& object) {
  std::vector<ReasonCode> out;
  const auto j = object.find("reasons");
  if (j == object.end() || !j->is_array()) {
    return out;
  }
  for (const Json& r : *j) {
    out.push_back({r.value("code", ""), r.value("message", "")});
  }
  return out;
}

Result<FetchRecord> fetch_from_json(const Json& j, std::string where) {
  const Fields in(j, std::move(where));
  FetchRecord f;
  f.status = net::fetch_status_from_string(in.text("status"));
  f.error = in.text("error");
  f.http_status = j.value("http_status", 0L);
  f.etag = in.text("etag");
  f.last_modified = in.text("last_modified");
  f.bytes = j.value("bytes", std::uint64_t{0});
  f.attempts = j.value("attempts", 0);
  std::optional<Error> error;
  if (!take(in.digest("digest"), f.digest, error)) {
    return *error;
  }
  if (const std::string result = in.text("result"); !result.empty()) {
    auto status = list_status_from(result);
    if (!status) {
      return in.bad("result", status.error().message);
    }
    f.result = *status;
  }
  f.reasons = reasons_from_json(j);
  return f;
}

Result<ListRecord> list_from_json(const Json& j, std::string where) {
  const Fields in(j, std::move(where));
  ListRecord l;
  l.territory = in.text("territory");
  l.url = in.text("url");
  l.in_use = in_use_from_string(in.text("in_use"));
  l.in_use_etag = in.text("in_use_etag");
  l.in_use_last_modified = in.text("in_use_last_modified");
  if (j.contains("sequence_number") && j["sequence_number"].is_number_unsigned()) {
    l.sequence_number = j["sequence_number"].get<std::uint64_t>();
  }
  std::optional<Error> error;
  if (!take(in.digest("in_use_digest"), l.in_use_digest, error) || !take(in.time("issue_date"), l.issue_date, error) ||
      !take(in.time("next_update"), l.next_update, error) ||
      !take(in.digest("signer_sha256"), l.signer_sha256, error) ||
      !take(in.time("verified_at"), l.verified_at, error)) {
    return *error;
  }
  auto result = list_status_from(j.value("result", "indeterminate"));
  if (!result) {
    return in.bad("result", result.error().message);
  }
  l.result = *result;
  l.reasons = reasons_from_json(j);
  l.service_count = j.value("service_count", std::uint64_t{0});
  l.certificate_count = j.value("certificate_count", std::uint64_t{0});
  if (j.contains("fetch")) {
    if (!take(fetch_from_json(j["fetch"], in.where() + ".fetch"), l.fetch, error)) {
      return *error;
    }
  }
  return l;
}

// The body of snapshot_from_json; nlohmann's type errors (a key of the wrong JSON
// type) propagate to it as exceptions.
Result<Snapshot> read_snapshot(const Json& j, Snapshot s) {
  const Fields in(j, "");
  std::optional<Error> error;
  for (const auto& [key, into] : {std::pair{"created", &s.created}, std::pair{"validation_time", &s.validation_time}}) {
    std::optional<tsl::TimePoint> t;
    if (!take(in.time(key), t, error)) {
      return *error;
    }
    if (!t) {
      return in.bad(key, "missing");
    }
    *into = *t;
  }
  s.origin = in.text("origin");
  s.lotl_url = in.text("lotl_url");
  for (const auto& [name, into] : {std::pair{"lotl_anchor_digests", &s.lotl_anchor_digests},
                                    std::pair{"tl_signer_digests", &s.tl_signer_digests}}) {
    if (!j.contains(name) || !j[name].is_array()) {
      continue;
    }
    const Json& digests = j[name];
    for (std::size_t i = 0; i < digests.size(); ++i) {
      const std::string key = std::string(name) + "[" + std::to_string(i) + "]";
      std::optional<tsl::Sha256> d;
      if (!take(in.digest_text(key, digests[i].get<std::string>()), d, error)) {
        return *error;
      }
      if (!d) {
        return in.bad(key, "empty");
      }
      into->push_back(*d);
    }
  }
  if (j.contains("lotl") && !take(list_from_json(j["lotl"], "lotl"), s.lotl, error)) {
    return *error;
  }
  for (const auto& [key, into] : {std::pair{"pivots", &s.pivots}, std::pair{"lists", &s.lists}}) {
    const auto found = j.find(key);  // read in place: a copy of the array costs as much as the parse
    if (found == j.end()) {
      continue;
    }
    if (!found->is_array()) {
      return in.bad(key, "not an array");
    }
    const Json& lists = *found;
    into->reserve(lists.size());
    for (std::size_t i = 0; i < lists.size(); ++i) {
      ListRecord record;
      if (!take(list_from_json(lists[i], std::string(key) + "[" + std::to_string(i) + "]"), record, error)) {
        return *error;
      }
      into->push_back(std::move(record));
    }
  }
  return s;
}

}  // namespace

Result<Snapshot> snapshot_from_json(std::string_view text, std::string id) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("format") || !j["format"].is_string() ||
      j["format"] != "eutl-snapshot/1") {
    return Error(Errc::kMalformed, "snapshot " + id + " is not an eutl snapshot");
  }
  const std::string prefix = "snapshot " + id + ": ";
  Snapshot s;
  s.id = std::move(id);
  try {
    auto read = read_snapshot(j, std::move(s));
    if (!read) {
      return Error(Errc::kMalformed, prefix + read.error().message);
    }
    return read;
  } catch (const Json::exception& e) {  // a key of the wrong JSON type
    return Error(Errc::kMalformed, prefix + e.what());
  }
}

}  // namespace eutl::cache
