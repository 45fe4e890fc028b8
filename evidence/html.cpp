// The HTML report of an evidence record: one self-contained page (inline CSS, no
// scripts, no external resources) an auditor can file or print to PDF. Verdict
// first, then the chain of trust (Official Journal to certificate), the evidence
// matrix, the certificate with named OIDs, the results, the policy crosswalk, the
// rule trace, the service history, every list (collapsed) and the digests. Every
// value from the record is escaped.
#include "evidence/html.h"
#include "evidence/record_json.h"

namespace eutl::evidence::detail {
namespace {

std::string_view verdict_class(RecordVerdict v) {
  switch (tone_of(v)) {
    case VerdictTone::kGood: return "good";
    case VerdictTone::kBad: return "bad";
    case VerdictTone::kUnknown: break;
  }
  return "unknown";
}

std::string verdict_box(const json& rec, RecordVerdict typed) {
  const json q = rec.value("question", json::object());
  const json results = rec.value("results", json::object());
  const json claim = results.value("claim", json());
  std::string h = "<div class=\"verdict " + std::string(verdict_class(typed)) +
                  "\" id=\"verdict\"><div class=\"v\">Verdict: " + html_escape(to_string(typed)) + "</div>";
  if (claim.is_object()) {
    h += "<div>Claim <strong>" + html_value(claim.value("claim", json())) + "</strong>: " +
         html_value(claim.value("explanation", json())) + "</div>";
  }
  h += "<div>" + html_value(results.value("overall", json::object()).value("reason", json())) + "</div>";
  h += "<div>Time T " + html_value(q.value("at", json())) + "; lists verified at " +
       html_value(q.value("lists_verified_at", json())) + "; snapshot " + html_value(rec.value("snapshot", json())) +
       "</div></div>\n";
  return h;
}

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string provenance_banner(RecordProvenance provenance, const std::string& duplicate) {
  switch (provenance) {
    case RecordProvenance::kJustMade:
      return "<p class=\"muted\">Written by eutl from the decision it has just made.</p>\n";
    case RecordProvenance::kReVerified:
      return "<p class=\"muted\">Re-verified by eutl evidence verify: every digest, signature and field was "
             "re-derived from the signed lists with trusted LOTL anchors.</p>\n";
    case RecordProvenance::kUnverified:
      break;
  }
  return "<div class=\"verdict unverified\" id=\"unverified\"><div class=\"v\">Not verified</div><div>This "
         "record was rendered without re-verification (--unverified). Nothing on this page has been checked: it "
         "shows what the record claims, which may have been edited or built on untrusted anchors. Run "
         "<code>eutl evidence verify</code> before relying on it.</div>" +
         (duplicate.empty() ? std::string()
                            : "<div>The record repeats the key <code>" + html_escape(duplicate) +
                                  "</code> in one object: it has been edited.</div>") +
         "</div>\n";
}

std::string html_value(const json& v) {
  if (v.is_null()) {
    return "—";
  }
  if (v.is_string()) {
    return html_escape(v.get<std::string>());
  }
  return html_escape(v.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::string html_row(std::string_view key, const std::string& value_html) {
  return "<tr><td class=\"k\">" + html_escape(key) + "</td><td>" + value_html + "</td></tr>\n";
}

std::string html_short_path(const json& path) {
  if (!path.is_string()) {
    return html_value(path);
  }
  const std::string p = path.get<std::string>();
  const auto slash = p.find_last_of('/');
  const std::string name = slash == std::string::npos || slash + 1 == p.size() ? p : p.substr(slash + 1);
  return "<span class=\"path\" title=\"" + html_escape(p) + "\">" + html_escape(name) + "</span>";
}

std::string html_short_digest(const json& hex) {
  if (!hex.is_string()) {
    return html_value(hex);
  }
  const std::string h = hex.get<std::string>();
  return "<span class=\"digest\" title=\"" + html_escape(h) + "\">" + html_escape(h.substr(0, 16)) +
         (h.size() > 16 ? "…" : "") + "</span>";
}

std::optional<tsl::TimePoint> record_time(const json& j) {
  if (!j.is_string()) {
    return std::nullopt;
  }
  auto t = tsl::parse_datetime(j.get<std::string>());
  return t ? std::optional<tsl::TimePoint>(t->time) : std::nullopt;
}

std::optional<std::size_t> decisive_service(const json& rec) {
  const json results = rec.value("results", json::object());
  for (const char* k : {"overall", "at_time", "at_issuance"}) {
    const json r = results.value(k, json::object());
    const json s = r.is_object() ? r.value("service", json()) : json();
    if (s.is_object() && s.value("ref", json()).is_number_unsigned()) {
      return s["ref"].get<std::size_t>();
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> decisive_list(const json& rec) {
  const auto ref = decisive_service(rec);
  const json services = rec.value("services", json::array());
  if (!ref || !services.is_array() || *ref >= services.size() || !services[*ref].is_object()) {
    return std::nullopt;
  }
  const json l = services[*ref].value("list", json());
  return l.is_number_unsigned() ? std::optional<std::size_t>(l.get<std::size_t>()) : std::nullopt;
}

}  // namespace eutl::evidence::detail

namespace eutl::evidence {

Result<std::string> evidence_html(std::string_view record_json, RecordProvenance provenance) {
  using detail::html_escape;
  using detail::html_value;
  using detail::json;
  const RecordRead read = from_json(record_json);
  if (!read.record || !is_known_schema(read.record->schema)) {
    return Error(Errc::kMalformed, "not an evidence record (a JSON object with schema eutl-evidence/3, /2 or /1)");
  }
  const json& rec = detail::document(*read.record);
  try {
    // An absent or unknown verdict shows as indeterminate, as it always has.
    const RecordVerdict typed = read.record->verdict == RecordVerdict::kNone ? RecordVerdict::kIndeterminate
                                                                             : read.record->verdict;
    const json cert = rec.value("certificate", json::object());
    std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>eutl evidence: " +
                    html_escape(to_string(typed)) + " - " + html_value(cert.value("subject", json())) +
                    "</title>\n<style>" + std::string(detail::html_style()) + "</style></head><body>\n";
    h += detail::provenance_banner(provenance, read.duplicate);
    h += "<h1>Qualified certificate evidence report</h1>\n<p class=\"muted\">eutl " +
         html_value(rec.value("tool", json::object()).value("version", json())) + ", schema " +
         html_value(rec.value("schema", json())) + ", checked " + html_value(rec.value("checked_at", json())) + "</p>\n";
    h += detail::verdict_box(rec, typed);
    h += detail::html_chain_of_trust(rec);
    h += detail::html_matrix(rec);
    h += detail::html_certificate(rec);
    h += detail::html_results(rec);
    h += detail::html_crosswalk(rec);
    h += detail::html_trace(rec);
    h += "<h2 id=\"history\">Service history</h2>\n" + detail::html_timeline(rec);
    h += detail::html_lists(rec);
    h += detail::html_digests(rec);
    h += "<p class=\"muted\">Re-verify offline: <code>eutl evidence verify RECORD.json --store DIR</code> or "
         "<code>eutl evidence verify BUNDLE-DIR</code>.</p>\n</body></html>\n";
    return h;
  } catch (const json::exception& e) {
    return Error(Errc::kMalformed, std::string("evidence record: ") + e.what());
  }
}

}  // namespace eutl::evidence
