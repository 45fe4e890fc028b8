// The certificate and the results of the HTML report: policies, QC statements, QcType
// and EKUs by name (EN 319 411-1/-2 §5.3, EN 319 412-5 §4, RFC 5280 §4.2.1.12), a
// note when T lies outside the certificate's validity (RFC 5280 §4.1.2.5), and each
// result's service period named as a reader would (list, TSP, service, status).
#include <algorithm>
#include <cctype>

#include "evidence/html.h"
#include "evidence/oid_names.h"
#include "evidence/detail/text.h"

namespace eutl::evidence::detail {
namespace {

std::string named_list(const json& arr) {
  std::string out;
  for (const auto& v : arr.is_array() ? arr : json::array()) {
    out += (out.empty() ? "" : "<br>") + (v.is_string() ? html_escape(named_oid(v.get<std::string>())) : html_value(v));
  }
  return out.empty() ? "—" : out;
}

std::string validity_note(const json& rec) {
  const json cert = rec.value("certificate", json::object());
  const auto at = record_time(rec.value("question", json::object()).value("at", json()));
  const auto nb = record_time(cert.value("not_before", json()));
  const auto na = record_time(cert.value("not_after", json()));
  if (!at || !nb || !na) {
    return "";
  }
  if (*at < *nb) {
    return "<p class=\"note\" id=\"validity-note\">Time T (" + tsl::format_time(*at) +
           ") is before the certificate's validity begins (notBefore " + tsl::format_time(*nb) +
           "): at T the certificate is not yet valid (RFC 5280 §4.1.2.5).</p>\n";
  }
  if (*at > *na) {
    return "<p class=\"note\" id=\"validity-note\">Time T (" + tsl::format_time(*at) +
           ") is after the certificate's validity ended (notAfter " + tsl::format_time(*na) +
           "): at T the certificate has expired (RFC 5280 §4.1.2.5).</p>\n";
  }
  return "";
}

// eIDAS Art. 3(12) (QES) and 3(27) (qualified seal) need a QSCD, as do the EN 319
// 411-2 "-qscd" policies; QWACs, QC-for-e-signature and QC-for-e-seal claims do not.
bool claim_needs_qscd(const json& rec) {
  const json claim = rec.value("results", json::object()).value("claim", json());
  if (!claim.is_object() || !claim.value("claim", json()).is_string()) {
    return false;
  }
  const std::string c = ascii_lower(claim["claim"].get<std::string>());
  return c == "qes" || c == "qseal" || (c.size() > 5 && c.substr(c.size() - 5) == "-qscd");
}

std::string qscd_cell(const json& rec, const json& r) {
  const json q = r.value("qscd", json());
  if (q.is_boolean() && q.get<bool>()) {
    return "yes";
  }
  if (q.is_null()) {
    return "unknown";
  }
  if (claim_needs_qscd(rec)) {
    return "<span class=\"fail\">no</span>";
  }
  return "<span class=\"na\">no — not applicable" +
         std::string(r.value("type", std::string()) == "wsa" ? " (a website certificate needs no QSCD)"
                                                             : " (not required for this claim)") +
         "</span>";
}

// "history N" counts from 0 in the record; a reader counts from 1.
std::string history_number(const std::string& n) {
  if (n.empty() || n.size() > 6 || !std::all_of(n.begin(), n.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return html_escape(n);
  }
  return std::to_string(std::stoul(n) + 1);
}

std::string service_label(const json& rec, const json& s) {
  if (!s.is_object()) {
    return "none found";
  }
  const json services = rec.value("services", json::array());
  const json ref = s.value("ref", json());
  const json svc = ref.is_number_unsigned() && ref.get<std::size_t>() < services.size() ? services[ref.get<std::size_t>()]
                                                                                          : json::object();
  const std::string period = s.value("period", std::string());
  const std::string status = s.value("status", std::string());
  const auto slash = status.rfind('/');
  std::string out = "<strong>" + html_value(svc.value("service_name", json())) + "</strong> (" +
                    html_value(svc.value("tsp", json())) + ", " + html_value(svc.value("territory", json())) +
                    " list sequence " + html_value(svc.value("list_sequence_number", json())) + "): " +
                    html_escape(slash == std::string::npos ? status : status.substr(slash + 1)) + " from " +
                    html_value(s.value("period_start", json())) + " to " +
                    (s.value("period_end", json()).is_null() ? std::string("now") : html_value(s["period_end"])) + ", " +
                    (period == "current" ? std::string("the current status")
                     : period.rfind("history ", 0) == 0
                         ? "history instance " + history_number(period.substr(8))
                         : html_escape(period));
  std::string captured;
  for (const auto& q : s.value("captured_qualifiers", json::array())) {
    captured += (captured.empty() ? "" : ", ") + html_value(q);
  }
  return out + (captured.empty() ? "" : "; qualifiers " + captured);
}

std::string result_row(const json& rec, const char* label, const json& r) {
  return "<tr><td class=\"lbl\">" + std::string(label) + "</td><td>" + html_value(r.value("time", json())) +
         "</td><td>" + html_value(r.value("status", json())) + "</td><td>" + html_value(r.value("type", json())) +
         "</td><td>" + qscd_cell(rec, r) + "</td><td>" + html_value(r.value("reason", json())) + "</td><td>" +
         service_label(rec, r.value("service", json())) + "</td></tr>\n";
}

}  // namespace

std::string html_certificate(const json& rec) {
  const json cert = rec.value("certificate", json::object());
  const json qc = cert.value("qc_statements", json::object());
  std::string types;
  for (const auto& t : qc.value("qc_type", json::array())) {
    types += (types.empty() ? "" : ", ") + html_value(t);
  }
  return "<h2 id=\"certificate\">Certificate</h2>\n" + validity_note(rec) + "<table><tbody>\n" +
         html_row("Subject", html_value(cert.value("subject", json()))) +
         html_row("Issuer", html_value(cert.value("issuer", json()))) +
         html_row("Serial", "<code>" + html_value(cert.value("serial", json())) + "</code>") +
         html_row("Valid", html_value(cert.value("not_before", json())) + " .. " +
                               html_value(cert.value("not_after", json()))) +
         html_row("SHA-256", "<code>" + html_value(cert.value("sha256", json())) + "</code>") +
         html_row("Policies", named_list(cert.value("policies", json::array()))) +
         html_row("QC statements", named_list(qc.value("statements", json::array()))) +
         html_row("QcType", types.empty() ? "—" : types) +
         html_row("Extended key usages", named_list(cert.value("extended_key_usages", json::array()))) +
         html_row("Chain given", std::to_string(rec.value("chain", json::array()).size()) + " certificate(s)") +
         "</tbody></table>\n";
}

std::string html_results(const json& rec) {
  const json results = rec.value("results", json::object());
  return "<h2 id=\"results\">Results</h2><table><thead><tr><th></th><th>Time</th><th>Status</th><th>Type</th>"
         "<th>QSCD</th><th>Reason</th><th>Service status it rests on</th></tr></thead><tbody>\n" +
         result_row(rec, "At issuance", results.value("at_issuance", json::object())) +
         result_row(rec, "At time T", results.value("at_time", json::object())) +
         result_row(rec, "Combined", results.value("overall", json::object())) + "</tbody></table>\n";
}

}  // namespace eutl::evidence::detail
