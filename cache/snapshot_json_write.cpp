// Snapshot -> JSON (include/eutl/cache/snapshot.h; the reader is snapshot_json.cpp).
//
// Written straight into the text, byte for byte as nlohmann::json's dump(2) of the same
// object writes it (keys sorted, two-space indent, strings escaped by nlohmann itself
// unless they are plain printable ASCII): the snapshot id is a digest of these bytes.
// Building the object first cost an all-304 fetch 5.3 M instructions, mostly in malloc.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <concepts>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/cache/snapshot.h"

namespace eutl::cache {
namespace {

// Objects and arrays as dump(2) lays them out; the caller gives keys in sorted order.
class PrettyJson final {
 public:
  explicit PrettyJson(std::string& out) : m_out(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view k) {
    next();
    string(k);
    m_out += ": ";
  }
  void element() { next(); }
  // A member whose value is a string, or a number.
  void field(std::string_view k, std::string_view v) {
    key(k);
    string(v);
  }
  template <std::integral Int>
  void field(std::string_view k, Int n) {
    key(k);
    number(n);
  }

  void string(std::string_view s) {
    const bool plain = std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
    if (plain) {
      m_out += '"';
      m_out += s;
      m_out += '"';
    } else {
      m_out += nlohmann::json(s).dump();  // escapes, and refuses invalid UTF-8, as dump(2) does
    }
  }
  template <typename Int>
  void number(Int n) {
    char buf[24];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
    m_out.append(buf, ec == std::errc() ? end : buf);
  }
  void null() { m_out += "null"; }

 private:
  void open(char c) {
    m_out += c;
    m_counts.push_back(0);
  }
  void close(char c) {
    const int count = m_counts.back();
    m_counts.pop_back();
    if (count > 0) {
      m_out += '\n';
      m_out.append(2 * m_counts.size(), ' ');
    }
    m_out += c;
  }
  void next() {
    if (m_counts.back()++ > 0) {
      m_out += ',';
    }
    m_out += '\n';
    m_out.append(2 * m_counts.size(), ' ');
  }

  std::string& m_out;
  std::vector<int> m_counts;  // members written so far, per open object or array
};

std::string hex_or_empty(const std::optional<tsl::Sha256>& d) { return d ? tsl::to_hex(*d) : std::string(); }
std::string time_or_empty(const std::optional<tsl::TimePoint>& t) { return t ? tsl::format_time(*t) : std::string(); }

void write_reasons(PrettyJson& w, const std::vector<ReasonCode>& reasons) {
  w.begin_array();
  for (const ReasonCode& r : reasons) {
    w.element();
    w.begin_object();
    w.field("code", r.code);
    w.field("message", r.message);
    w.end_object();
  }
  w.end_array();
}

void write_fetch(PrettyJson& w, const FetchRecord& f) {
  w.begin_object();
  w.field("attempts", f.attempts);
  w.field("bytes", f.bytes);
  w.field("digest", hex_or_empty(f.digest));
  w.field("error", f.error);
  w.field("etag", f.etag);
  w.field("http_status", f.http_status);
  w.field("last_modified", f.last_modified);
  w.key("reasons");
  write_reasons(w, f.reasons);
  w.field("result", result_name(f));
  w.field("status", to_string(f.status));
  w.end_object();
}

void write_list(PrettyJson& w, const ListRecord& l) {
  w.begin_object();
  w.field("certificate_count", l.certificate_count);
  w.key("fetch");
  write_fetch(w, l.fetch);
  w.field("in_use", to_string(l.in_use));
  w.field("in_use_digest", hex_or_empty(l.in_use_digest));
  w.field("in_use_etag", l.in_use_etag);
  w.field("in_use_last_modified", l.in_use_last_modified);
  w.field("issue_date", time_or_empty(l.issue_date));
  w.field("next_update", time_or_empty(l.next_update));
  w.key("reasons");
  write_reasons(w, l.reasons);
  w.field("result", verify::to_string(l.result));
  w.key("sequence_number");
  if (l.sequence_number) {
    w.number(*l.sequence_number);
  } else {
    w.null();
  }
  w.field("service_count", l.service_count);
  w.field("signer_sha256", hex_or_empty(l.signer_sha256));
  w.field("territory", l.territory);
  w.field("url", l.url);
  w.field("verified_at", time_or_empty(l.verified_at));
  w.end_object();
}

void write_lists(PrettyJson& w, const std::vector<ListRecord>& lists) {
  w.begin_array();
  for (const ListRecord& l : lists) {
    w.element();
    write_list(w, l);
  }
  w.end_array();
}

void write_digests(PrettyJson& w, const std::vector<tsl::Sha256>& digests) {
  w.begin_array();
  for (const tsl::Sha256& d : digests) {
    w.element();
    w.string(tsl::to_hex(d));
  }
  w.end_array();
}

}  // namespace

std::string snapshot_to_json(const Snapshot& s) {
  std::string out;
  out.reserve(1024 * (4 + s.lists.size() + s.pivots.size()));
  PrettyJson w(out);
  w.begin_object();
  w.field("created", tsl::format_time(s.created));
  w.field("format", "eutl-snapshot/1");
  w.key("lists");
  write_lists(w, s.lists);
  w.key("lotl");
  write_list(w, s.lotl);
  w.key("lotl_anchor_digests");
  write_digests(w, s.lotl_anchor_digests);
  w.field("lotl_url", s.lotl_url);
  w.field("origin", s.origin);
  w.key("pivots");
  write_lists(w, s.pivots);
  if (!s.tl_signer_digests.empty()) {  // absent otherwise: older snapshots keep their bytes and ids
    w.key("tl_signer_digests");
    write_digests(w, s.tl_signer_digests);
  }
  w.field("validation_time", tsl::format_time(s.validation_time));
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace eutl::cache
