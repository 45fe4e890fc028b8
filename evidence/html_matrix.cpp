// The evidence matrix of the HTML report (record member `evidence_matrix`,
// eutl-evidence/3): one row per artifact the decision used, with its source, the
// claim it supports, its digest or identifier, its dates and the standard it serves.
// Rows where Part 1 evidence is all there is for a qualified (EN 319 411-2) claim
// are flagged.
#include "evidence/html.h"

namespace eutl::evidence::detail {
namespace {

std::string standard_label(const std::string& s) {
  if (s == "en-319-411-1") {
    return "EN 319 411-1";
  }
  if (s == "en-319-411-2") {
    return "EN 319 411-2";
  }
  if (s == "both") {
    return "EN 319 411-1 and -2";
  }
  if (s == "trusted-list-framework") {
    return "Trusted-list framework (TS 119 612, TS 119 615)";
  }
  return s;
}

std::string kind_label(const std::string& k) {
  if (k == "qc-statement") {
    return "QC statement";
  }
  if (k == "issuing-ca") {
    return "Issuing CA";
  }
  if (k == "service-period-at-issuance") {
    return "Service status at issuance";
  }
  if (k == "service-period-at-t") {
    return "Service status at T";
  }
  if (k == "national-list") {
    return "National trusted list";
  }
  if (k == "lotl") {
    return "LOTL";
  }
  if (k == "official-journal-anchor") {
    return "Official Journal anchor";
  }
  std::string out = k;
  if (!out.empty()) {
    out[0] = static_cast<char>(out[0] - ('a' <= out[0] && out[0] <= 'z' ? 'a' - 'A' : 0));
  }
  return out;
}

// A source that is a file path or URL is shortened (whole in a title); prose is kept.
std::string source_html(const json& s) {
  if (!s.is_string()) {
    return html_value(s);
  }
  const std::string v = s.get<std::string>();
  const bool path = v.find(' ') == std::string::npos && v.find('/') != std::string::npos;
  return path ? html_short_path(s) : html_escape(v);
}

}  // namespace

std::string html_matrix(const json& rec) {
  std::string out = "<h2 id=\"evidence-matrix\">Evidence matrix (EN 319 411-1 / EN 319 411-2)</h2>\n";
  const json m = rec.value("evidence_matrix", json());
  if (!m.is_array()) {
    return out + "<p class=\"note\">This record (" + html_value(rec.value("schema", json())) +
           ") predates the evidence matrix (eutl-evidence/3); the crosswalk, lists and trace below carry the same "
           "facts. Run the check again to write a record with the matrix.</p>\n";
  }
  std::size_t flagged = 0;
  std::string rows;
  std::size_t n = 0;
  for (const auto& r : m) {
    const json date = r.value("date", json::object());
    const bool flag = r.value("flag", json()).is_string();
    flagged += flag ? 1 : 0;
    const json sha = r.value("sha256", json());
    rows += std::string(flag ? "<tr class=\"flagged\">" : "<tr>") + "<td>" + std::to_string(++n) + "</td><td>" +
            html_escape(kind_label(r.value("kind", std::string()))) + "</td><td>" + source_html(r.value("source", json())) +
            "</td><td>" + html_value(r.value("claim", json())) +
            (flag ? "<div class=\"flag\">" + html_value(r["flag"]) + "</div>" : std::string()) + "</td><td>" +
            html_value(r.value("artifact", json())) +
            (sha.is_string() ? "<div>SHA-256 " + html_short_digest(sha) + "</div>" : std::string()) + "</td><td>" +
            html_value(date.value("from", json())) + " .. " +
            (date.value("until", json()).is_null() ? std::string("open") : html_value(date["until"])) +
            "<div class=\"muted\">evaluated at " + html_value(date.value("evaluated_at", json())) + "</div></td><td>" +
            html_escape(standard_label(r.value("standard", std::string()))) + "</td></tr>\n";
  }
  out += "<p>" + std::to_string(m.size()) + " artifacts the decision used. A qualified claim needs an EN 319 411-2 "
         "policy and qualified status in a trusted list (TS 119 615); a policy alone never makes a certificate "
         "qualified.</p>\n";
  if (flagged > 0) {
    out += "<p class=\"note flag\">" + std::to_string(flagged) +
           " row(s) flagged: Part 1 evidence does not prove the qualified claim (EN 319 411-1 policies only, no "
           "EN 319 411-2 policy).</p>\n";
  }
  return out + "<table class=\"matrix\"><thead><tr><th>#</th><th>Artifact</th><th>Source</th><th>Claim it supports"
               "</th><th>Identifier / digest</th><th>Date</th><th>Standard</th></tr></thead><tbody>\n" +
         rows + "</tbody></table>\n";
}

}  // namespace eutl::evidence::detail
