// The HTML page of a TSP status report: self-contained (inline CSS, no scripts, no
// external resources), printable. Every value from the lists is escaped.
#include "eutl/service_query.h"
#include "eutl/tsl/service_type_names.h"
#include "eutl/tsp_report.h"
#include "evidence/detail/html_escape.h"

namespace eutl {
namespace {

using evidence::detail::html_escape;

constexpr std::string_view kStyle = R"css(
body{font:14px/1.45 "DejaVu Sans",Arial,sans-serif;color:#1b1b1b;margin:24px auto;max-width:1100px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;border-bottom:2px solid #ccd;padding-bottom:3px;margin-top:28px}
h3{font-size:15px;margin:18px 0 6px}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:12.5px}
th,td{border:1px solid #c8c8d0;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef0f5}
code,.mono{font-family:"DejaVu Sans Mono",monospace;font-size:11.5px;word-break:break-all}
.granted{color:#1a7f37;font-weight:bold}.withdrawn{color:#b3261e;font-weight:bold}
.muted{color:#666}.new{background:#e9f1ff}
@media print{body{margin:0;max-width:none;font-size:11px}h2,h3{page-break-after:avoid}
tr,.service{page-break-inside:avoid}.new td{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)css";

std::string time_text(const std::optional<tsl::TimePoint>& t, std::string_view none) {
  return t ? tsl::format_time(*t) : std::string(none);
}

std::string status_cell(const std::string& uri) {
  const std::string tail(uri_tail(uri));
  const bool good = tail == "granted" || tail == "recognisedatnationallevel" || tail == "accredited" ||
                    tail == "undersupervision" || tail == "setbynationallaw";
  const bool bad = tail == "withdrawn" || tail == "deprecatedatnationallevel" ||
                   tail == "supervisionrevoked" || tail == "accreditationrevoked";
  const char* cls = good ? "granted" : bad ? "withdrawn" : "";
  return "<span class=\"" + std::string(cls) + "\" title=\"" + html_escape(uri) + "\">" + html_escape(tail) +
         "</span>";
}

std::string version_text(const TspReport& r, std::size_t i) {
  if (i >= r.versions.size()) {
    return "—";
  }
  const TspListVersion& v = r.versions[i];
  return "sequence " + std::to_string(v.sequence) + ", issued " + html_escape(tsl::format_time(v.issue_date)) +
         "<br><code>" + html_escape(tsl::to_hex(v.digest)) + "</code>";
}

std::string joined_tails(const std::vector<std::string>& uris) {
  std::string out;
  for (const auto& u : uris) {
    out += (out.empty() ? "" : ", ") + std::string("<span title=\"") + html_escape(u) + "\">" +
           html_escape(uri_tail(u)) + "</span>";
  }
  return out.empty() ? "—" : out;
}

std::string versions_table(const TspReport& r) {
  std::string out =
      "<table><tr><th>#</th><th>Snapshot</th><th>Sequence</th><th>Issued</th><th>Next update</th>"
      "<th>Result at the snapshot's time</th><th>SHA-256 of the list</th></tr>\n";
  for (std::size_t i = 0; i < r.versions.size(); ++i) {
    const TspListVersion& v = r.versions[i];
    out += "<tr><td>" + std::to_string(i) + "</td><td><code>" + html_escape(v.snapshot_id) + "</code></td><td>" +
           std::to_string(v.sequence) + "</td><td>" + html_escape(tsl::format_time(v.issue_date)) + "</td><td>" +
           html_escape(time_text(v.next_update, "closed")) + "</td><td>" +
           html_escape(verify::to_string(v.status)) + " at " + html_escape(tsl::format_time(v.validation_time)) +
           "</td><td><code>" + html_escape(tsl::to_hex(v.digest)) + "</code></td></tr>\n";
  }
  return out + "</table>\n";
}

std::string service_section(const TspReport& r, const TspService& s) {
  std::string out = "<div class=\"service\"><h3>" + html_escape(s.id) + " — " + html_escape(s.name) + "</h3>\n";
  out += "<p>" + html_escape(tsl::service_type_label(s.type_uri)) + "; current status " + status_cell(s.status_uri) +
         (s.in_newest_version ? "" : " <span class=\"muted\">(no longer in the newest list version)</span>") +
         "</p>\n";
  if (!s.certificates.empty()) {
    out += "<table><tr><th>Certificate subject</th><th>Valid from</th><th>Valid to</th><th>SHA-256</th></tr>\n";
    for (const TspCertificate& c : s.certificates) {
      out += "<tr><td>" + html_escape(c.subject) + "</td><td>" + html_escape(tsl::format_time(c.not_before)) +
             "</td><td>" + html_escape(tsl::format_time(c.not_after)) + "</td><td><code>" +
             html_escape(tsl::to_hex(c.sha256)) + "</code></td></tr>\n";
    }
    out += "</table>\n";
  }
  out += "<table><tr><th>From</th><th>To</th><th>Status</th><th>Type</th><th>Additional information</th>"
         "<th>Qualifiers</th><th>First held in list version</th></tr>\n";
  for (const TspStatusChange& c : s.history) {
    out += std::string(c.published_in_first_seen ? "<tr class=\"new\">" : "<tr>") + "<td>" +
           html_escape(tsl::format_time(c.start)) + "</td><td>" + html_escape(time_text(c.end, "in force")) +
           "</td><td>" + status_cell(c.status_uri) + "</td><td>" + html_escape(tsl::service_type_short(c.type_uri)) +
           "</td><td>" + joined_tails(c.additional_information) + "</td><td>" + joined_tails(c.qualifiers) +
           "</td><td>" + version_text(r, c.first_seen) +
           (c.published_in_first_seen ? "<br><b>published in this version</b>" : "") + "</td></tr>\n";
  }
  return out + "</table></div>\n";
}

}  // namespace

std::string tsp_report_html(const TspReport& r) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>TSP status report: " +
                    html_escape(r.tsp_name) + "</title>\n<style>" + std::string(kStyle) + "</style></head><body>\n";
  out += "<h1>Trust service provider status report</h1>\n<p><b>" + html_escape(r.tsp_name) + "</b> (" +
         html_escape(r.territory) + ")<br><span class=\"muted\">Period: " + html_escape(time_text(r.from, "start")) +
         " to " + html_escape(time_text(r.to, "end")) +
         ". Status history per ETSI TS 119 612 V2.4.1 §5.5.10, from the national list versions below; each "
         "version is named by its SHA-256 and can be re-verified from the store with 'eutl store verify'.</span></p>\n";
  out += "<h2>National list versions in the store</h2>\n" + versions_table(r);
  out += "<h2>Services</h2>\n";
  if (r.services.empty()) {
    out += "<p>No service of this provider in a valid list version.</p>\n";
  }
  for (const TspService& s : r.services) {
    out += service_section(r, s);
  }
  return out + "</body></html>\n";
}

}  // namespace eutl
