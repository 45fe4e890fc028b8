// The HTML report of an evidence record: one self-contained page (inline CSS, no
// scripts, no external resources) an auditor can file or print to PDF. Verdict
// first, then the certificate, the lists and signatures, the service timeline, the
// rule trace and the digests. Every value from the record is escaped.
#include "evidence/html.h"
#include "evidence/record_json.h"

namespace eutl::evidence::detail {
namespace {

constexpr std::string_view kStyle = R"css(
body{font:14px/1.45 "DejaVu Sans",Arial,sans-serif;color:#1b1b1b;margin:24px auto;max-width:1100px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;border-bottom:2px solid #ccd;padding-bottom:3px;margin-top:28px}
h3{font-size:15px;margin:14px 0 6px}
.verdict{border:3px solid;border-radius:6px;padding:14px 18px;margin:12px 0 18px}
.verdict .v{font-size:24px;font-weight:bold;text-transform:uppercase}
.good{border-color:#1a7f37;background:#e9f7ee}.bad{border-color:#b3261e;background:#fdecea}
.unknown{border-color:#9a6700;background:#fff8e1}
.unverified{border-color:#b3261e;background:#fff0f0;border-style:dashed}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:12.5px}
th,td{border:1px solid #c8c8d0;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef0f5}
td.k{width:150px;font-weight:bold;background:#f7f7fa}
td.lbl{font-weight:bold;background:#f7f7fa;white-space:nowrap}
code,.mono{font-family:"DejaVu Sans Mono",monospace;font-size:11.5px;word-break:break-all}
tr.applied td{background:#e9f1ff}
.bar{position:relative;height:18px;background:#f1f1f4;border:1px solid #c8c8d0;margin:6px 0}
.seg{position:absolute;top:0;bottom:0;border-right:1px solid #fff}
.seg.ok{background:#7cc48f}.seg.bad{background:#e08a82}.seg.other{background:#b7b7c4}
.seg.applied{outline:2px solid #1d4ed8;z-index:1}
.mark{position:absolute;top:-4px;bottom:-4px;width:2px;background:#111;z-index:2}
.pass{color:#1a7f37}.fail{color:#b3261e;font-weight:bold}.indeterminate{color:#9a6700}.warning{color:#9a6700}
.muted{color:#666}
@media print{body{margin:0;max-width:none;font-size:11px}h2{page-break-after:avoid}
tr,.service{page-break-inside:avoid}.verdict{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.seg,.bar,tr.applied td,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)css";

std::string row(std::string_view key, const std::string& value_html) {
  return "<tr><td class=\"k\">" + html_escape(key) + "</td><td>" + value_html + "</td></tr>\n";
}

std::string join(const json& arr) {
  std::string out;
  for (const auto& v : arr) {
    out += (out.empty() ? "" : ", ") + html_value(v);
  }
  return out.empty() ? "—" : out;
}

std::string_view verdict_class(RecordVerdict v) {
  switch (tone_of(v)) {
    case VerdictTone::kGood: return "good";
    case VerdictTone::kBad: return "bad";
    case VerdictTone::kUnknown: break;
  }
  return "unknown";
}

std::string result_row(const char* label, const json& r) {
  const json s = r.value("service", json());
  std::string service = "—";
  if (s.is_object()) {
    service = "service #" + html_value(s.value("ref", json())) + ", " + html_value(s.value("period", json())) + " (" +
              html_value(s.value("period_start", json())) + " .. " +
              (s.value("period_end", json()).is_null() ? std::string("open") : html_value(s["period_end"])) +
              "); captured: " + join(s.value("captured_qualifiers", json::array()));
  }
  return "<tr><td class=\"lbl\">" + std::string(label) + "</td><td>" + html_value(r.value("time", json())) + "</td><td>" +
         html_value(r.value("status", json())) + "</td><td>" + html_value(r.value("type", json())) + "</td><td>" +
         html_value(r.value("qscd", json())) + "</td><td>" + html_value(r.value("reason", json())) + "</td><td>" +
         service + "</td></tr>\n";
}

std::string lists_table(const json& rec) {
  std::string out = "<table><thead><tr><th>#</th><th>Role</th><th>Territory</th><th>Sequence</th><th>Issued</th>"
                    "<th>Next update</th><th>Result</th><th>Signer SHA-256 / authorised by</th><th>Source</th>"
                    "</tr></thead><tbody>\n";
  for (const auto& l : rec.value("lists", json::array())) {
    const json signer = l.value("signer", json::object());
    std::string reasons;
    for (const auto& r : l.value("reasons", json::array())) {
      reasons += "<div class=\"muted\">" + html_value(r.value("message", json())) + "</div>";
    }
    out += "<tr><td>" + html_value(l.value("index", json())) + "</td><td>" + html_value(l.value("role", json())) +
           "</td><td>" + html_value(l.value("territory", json())) + "</td><td>" +
           html_value(l.value("sequence_number", json())) + "</td><td>" + html_value(l.value("issue_date", json())) +
           "</td><td>" + html_value(l.value("next_update", json())) + "</td><td>" + html_value(l.value("result", json())) +
           (l.value("indexed", false) ? " (used)" : " (not used)") + reasons + "</td><td><code>" +
           html_value(signer.value("sha256", json())) + "</code><div>" + html_value(signer.value("matched", json())) +
           "</div>" +
           (l.value("trust", std::string()) == "caller-signer"
                ? std::string("<div><strong>trusted through the caller's signer, not the LOTL</strong></div>")
                : std::string()) +
           "</td><td><code>" + html_value(l.value("source", json())) + "</code></td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

// A record of lists trusted through the caller's own signers (tl_signers) says so
// before the lists: those lists do not rest on the LOTL or the Official Journal.
std::string caller_signers_note(const json& rec) {
  const json signers = rec.value("tl_signers", json::array());
  if (!signers.is_array() || signers.empty()) {
    return "";
  }
  std::string out = "<p><strong>National lists trusted through the caller's signers, not the LOTL.</strong> "
                    "Whoever made this record chose to trust these list signers directly (ETSI TS 119 615 leaves "
                    "that choice to the relying party); the Official Journal anchors vouch for none of the lists "
                    "marked so below.</p><ul>\n";
  for (const auto& s : signers) {
    out += "<li><code>" + html_value(s.value("sha256", json())) + "</code> " + html_value(s.value("subject", json())) +
           "</li>\n";
  }
  return out + "</ul>\n";
}

std::string trace_table(const json& rec) {
  std::string out = "<table><thead><tr><th>#</th><th>Rule</th><th>Outcome</th><th>Subject</th><th>Detail</th>"
                    "<th>ETSI clause</th></tr></thead><tbody>\n";
  std::size_t n = 0;
  for (const auto& e : rec.value("trace", json::array())) {
    const std::string outcome = e.value("outcome", std::string());
    out += "<tr><td>" + std::to_string(++n) + "</td><td><code>" + html_value(e.value("rule", json())) +
           "</code></td><td class=\"" + html_escape(outcome) + "\">" + html_escape(outcome) + "</td><td>" +
           html_value(e.value("subject", json())) + "</td><td>" + html_value(e.value("detail", json())) + "</td><td>" +
           html_value(e.value("clause", json())) + "</td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string crosswalk_table(const json& rec) {
  const json cw = rec.value("crosswalk", json::array());
  if (cw.empty()) {
    return "<p>The certificate carries no EN 319 411-1/-2, TS 101 456 or CA/B Forum policy.</p>\n";
  }
  std::string out = "<table><thead><tr><th>Policy</th><th>Standard</th><th>OID</th><th>Backed by the trusted list"
                    "</th><th>Note</th></tr></thead><tbody>\n";
  for (const auto& e : cw) {
    out += "<tr><td>" + html_value(e.value("profile", json())) + "</td><td>" + html_value(e.value("standard", json())) +
           "</td><td><code>" + html_value(e.value("oid", json())) + "</code></td><td>" +
           (e.value("qualified_profile", false) ? html_value(e.value("backed_by_tl", json())) : std::string("n/a")) +
           "</td><td>" + html_value(e.value("note", json())) + "</td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string digests_table(const json& rec) {
  std::string out = "<table><tbody>\n";
  const json cert = rec.value("certificate", json::object());
  out += row("Record integrity", "<code>" + html_value(rec.value("integrity", json::object()).value("sha256", json())) +
                                     "</code>");
  out += row("Certificate", "<code>" + html_value(cert.value("sha256", json())) + "</code>");
  for (const auto& a : rec.value("lotl_anchors", json::array())) {
    out += row("LOTL anchor", "<code>" + html_value(a.value("sha256", json())) + "</code> " +
                                  html_value(a.value("subject", json())));
  }
  for (const auto& s : rec.value("tl_signers", json::array())) {
    out += row("List signer (caller's)", "<code>" + html_value(s.value("sha256", json())) + "</code> " +
                                             html_value(s.value("subject", json())));
  }
  for (const auto& l : rec.value("lists", json::array())) {
    out += row("List " + l.value("territory", std::string("?")) + " " + l.value("role", std::string()),
               "<code>" + html_value(l.value("sha256", json())) + "</code>");
  }
  return out + "</tbody></table>\n";
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

}  // namespace eutl::evidence::detail

namespace eutl::evidence {

Result<std::string> evidence_html(std::string_view record_json, RecordProvenance provenance) {
  using detail::html_escape;
  using detail::html_value;
  using detail::json;
  const RecordRead read = from_json(record_json);
  if (!read.record || !is_known_schema(read.record->schema)) {
    return Error(Errc::kMalformed, "not an evidence record (a JSON object with schema eutl-evidence/2 or /1)");
  }
  const json& rec = detail::document(*read.record);
  try {
    // An absent or unknown verdict shows as indeterminate, as it always has.
    const RecordVerdict typed = read.record->verdict == RecordVerdict::kNone ? RecordVerdict::kIndeterminate
                                                                             : read.record->verdict;
    const std::string verdict(to_string(typed));
    const json q = rec.value("question", json::object());
    const json cert = rec.value("certificate", json::object());
    const json results = rec.value("results", json::object());
    const json claim = results.value("claim", json());
    std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>eutl evidence: " +
                    html_escape(verdict) + " - " + html_value(cert.value("subject", json())) +
                    "</title>\n<style>" + std::string(detail::kStyle) + "</style></head><body>\n";
    h += detail::provenance_banner(provenance, read.duplicate);
    h += "<h1>Qualified certificate evidence report</h1>\n<p class=\"muted\">eutl " +
         html_value(rec.value("tool", json::object()).value("version", json())) + ", schema " +
         html_value(rec.value("schema", json())) + ", checked " + html_value(rec.value("checked_at", json())) + "</p>\n";
    h += "<div class=\"verdict " + std::string(detail::verdict_class(typed)) + "\"><div class=\"v\">Verdict: " +
         html_escape(verdict) + "</div>";
    if (claim.is_object()) {
      h += "<div>Claim <strong>" + html_value(claim.value("claim", json())) + "</strong>: " +
           html_value(claim.value("explanation", json())) + "</div>";
    }
    h += "<div>" + html_value(results.value("overall", json::object()).value("reason", json())) + "</div>";
    h += "<div>Time T " + html_value(q.value("at", json())) + "; lists verified at " +
         html_value(q.value("lists_verified_at", json())) + "; snapshot " + html_value(rec.value("snapshot", json())) +
         "</div></div>\n";
    h += "<h2>Certificate</h2><table><tbody>\n" + detail::row("Subject", html_value(cert.value("subject", json()))) +
         detail::row("Issuer", html_value(cert.value("issuer", json()))) +
         detail::row("Serial", "<code>" + html_value(cert.value("serial", json())) + "</code>") +
         detail::row("Valid", html_value(cert.value("not_before", json())) + " .. " +
                                  html_value(cert.value("not_after", json()))) +
         detail::row("SHA-256", "<code>" + html_value(cert.value("sha256", json())) + "</code>") +
         detail::row("Policies", detail::join(cert.value("policies", json::array()))) +
         detail::row("QC statements", detail::join(cert.value("qc_statements", json::object())
                                                       .value("statements", json::array()))) +
         detail::row("Chain given", std::to_string(rec.value("chain", json::array()).size()) + " certificate(s)") +
         "</tbody></table>\n";
    h += "<h2>Results</h2><table><thead><tr><th></th><th>Time</th><th>Status</th><th>Type</th><th>QSCD</th>"
         "<th>Reason</th><th>Service period</th></tr></thead><tbody>\n" +
         detail::result_row("At issuance", results.value("at_issuance", json::object())) +
         detail::result_row("At time T", results.value("at_time", json::object())) +
         detail::result_row("Combined", results.value("overall", json::object())) + "</tbody></table>\n";
    h += "<h2>Policy crosswalk (EN 319 411-1 / EN 319 411-2)</h2>\n" + detail::crosswalk_table(rec);
    h += "<h2>Trusted lists and signatures</h2>\n" + detail::caller_signers_note(rec) + detail::lists_table(rec);
    h += "<h2>Service history</h2>\n" + detail::html_timeline(rec);
    h += "<h2>Rule trace</h2>\n" + detail::trace_table(rec);
    h += "<h2>Digests (SHA-256)</h2>\n" + detail::digests_table(rec);
    h += "<p class=\"muted\">Re-verify offline: <code>eutl evidence verify RECORD.json --store DIR</code> or "
         "<code>eutl evidence verify BUNDLE-DIR</code>.</p>\n</body></html>\n";
    return h;
  } catch (const json::exception& e) {
    return Error(Errc::kMalformed, std::string("evidence record: ") + e.what());
  }
}

}  // namespace eutl::evidence
