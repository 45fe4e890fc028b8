// The remaining sections of the HTML report: the policy crosswalk, the rule trace
// (what does not apply to the claim is said neutrally, evidence/rule_applicability.h), every list given to
// the verification (collapsed, short names with the full path on hover), and the
// digests.
#include "evidence/html.h"
#include "evidence/rule_applicability.h"

namespace eutl::evidence::detail {
namespace {

// Display name of a crosswalk standard: TS 101 456 is the pre-eIDAS standard, not
// EN 319 411-2 Part 2.
std::string qualified_label(const json& e) {
  if (!e.value("qualified_profile", false)) {
    return "no";
  }
  return e.value("standard", std::string()) == "TS 101 456" ? "yes (TS 101 456, pre-eIDAS)" : "yes (EN 319 411-2)";
}

std::string crosswalk_note(const json& e) {
  std::string note = e.value("note", std::string());
  const std::string part2 = "Part 2 policy ";  // records written before the crosswalk said "TS 101 456 qualified policy"
  if (e.value("standard", std::string()) == "TS 101 456" && note.rfind(part2, 0) == 0) {
    note = "TS 101 456 qualified policy " + note.substr(part2.size());
  }
  return html_escape(note);
}

}  // namespace

std::string html_crosswalk(const json& rec) {
  std::string out = "<h2 id=\"crosswalk\">Policy crosswalk (EN 319 411-1 / EN 319 411-2)</h2>\n";
  const json cw = rec.value("crosswalk", json::array());
  if (cw.empty()) {
    return out + "<p>The certificate carries no EN 319 411-1/-2, TS 101 456 or CA/B Forum policy.</p>\n";
  }
  out += "<table><thead><tr><th>Policy</th><th>Standard</th><th>OID</th><th>Qualified profile</th><th>Backed by the "
         "trusted list</th><th>Note</th></tr></thead><tbody>\n";
  for (const auto& e : cw) {
    out += "<tr><td>" + html_value(e.value("profile", json())) + "</td><td>" + html_value(e.value("standard", json())) +
           "</td><td><code>" + html_value(e.value("oid", json())) + "</code></td><td>" + qualified_label(e) +
           "</td><td>" +
           (e.value("qualified_profile", false) ? html_value(e.value("backed_by_tl", json())) : std::string("n/a")) +
           "</td><td>" + crosswalk_note(e) + "</td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string html_trace(const json& rec) {
  std::string out = "<h2 id=\"trace\">Rule trace</h2>\n<table><thead><tr><th>#</th><th>Rule</th><th>Outcome</th>"
                    "<th>Subject</th><th>Detail</th><th>Clause</th></tr></thead><tbody>\n";
  std::size_t n = 0;
  for (const auto& e : rec.value("trace", json::array())) {
    std::string outcome = e.value("outcome", std::string());
    std::string cls = outcome;
    std::string why;
    if (auto reason = not_applicable_because(rec, e)) {
      outcome = "not applicable";
      cls = "na";
      why = "<div class=\"muted\">Not applicable: " + html_escape(*reason) + ".</div>";
    }
    out += "<tr><td>" + std::to_string(++n) + "</td><td><code>" + html_value(e.value("rule", json())) +
           "</code></td><td class=\"" + html_escape(cls) + "\">" + html_escape(outcome) + "</td><td>" +
           html_value(e.value("subject", json())) + "</td><td>" + html_value(e.value("detail", json())) + why + "</td><td>" +
           html_value(e.value("clause", json())) + "</td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string html_lists(const json& rec) {
  const json lists = rec.value("lists", json::array());
  const auto decisive = decisive_list(rec);
  std::size_t used = 0;
  std::string rows;
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const json& l = lists[i];
    const json signer = l.value("signer", json::object());
    used += l.value("indexed", false) ? 1 : 0;
    std::string reasons;
    for (const auto& r : l.value("reasons", json::array())) {
      reasons += "<div class=\"muted\">" + html_value(r.value("message", json())) + "</div>";
    }
    rows += std::string(decisive && *decisive == i ? "<tr class=\"decisive\">" : "<tr>") + "<td>" +
            html_value(l.value("index", json())) + "</td><td>" + html_value(l.value("role", json())) + "</td><td>" +
            html_value(l.value("territory", json())) + "</td><td>" + html_value(l.value("sequence_number", json())) +
            "</td><td>" + html_value(l.value("issue_date", json())) + "</td><td>" +
            html_value(l.value("next_update", json())) + "</td><td>" + html_value(l.value("result", json())) +
            (l.value("indexed", false) ? " (used)" : " (not used)") + reasons + "</td><td>" +
            html_short_digest(signer.value("sha256", json())) + "<div>" + html_value(signer.value("matched", json())) +
            "</div>" +
            (l.value("trust", std::string()) == "caller-signer"
                 ? std::string("<div><strong>trusted through the caller's signer, not the LOTL</strong></div>")
                 : std::string()) +
            "</td><td>" + html_short_digest(l.value("sha256", json())) + "</td><td>" +
            html_short_path(l.value("source", json())) + "</td></tr>\n";
  }
  std::string out = "<h2 id=\"lists\">Trusted lists and signatures</h2>\n";
  const json signers = rec.value("tl_signers", json::array());
  if (signers.is_array() && !signers.empty()) {
    out += "<p><strong>National lists trusted through the caller's signers, not the LOTL.</strong> Whoever made "
           "this record chose to trust these list signers directly (ETSI TS 119 615 leaves that choice to the "
           "relying party); the Official Journal anchors vouch for none of the lists marked so below.</p><ul>\n";
    for (const auto& s : signers) {
      out += "<li><code>" + html_value(s.value("sha256", json())) + "</code> " +
             html_value(s.value("subject", json())) + "</li>\n";
    }
    out += "</ul>\n";
  }
  return out + "<details id=\"all-lists\"><summary>All " + std::to_string(lists.size()) +
         " lists given to the verification (" + std::to_string(used) +
         " valid and used); the highlighted one decided the case</summary>\n<table><thead><tr><th>#</th><th>Role"
         "</th><th>Territory</th><th>Sequence</th><th>Issued</th><th>Next update</th><th>Result</th><th>Signer "
         "SHA-256 / authorised by</th><th>SHA-256</th><th>Source</th></tr></thead><tbody>\n" +
         rows + "</tbody></table></details>\n";
}

std::string html_digests(const json& rec) {
  std::string out = "<h2 id=\"digests\">Digests (SHA-256)</h2>\n<table><tbody>\n";
  const json cert = rec.value("certificate", json::object());
  out += html_row("Record integrity",
                  "<code>" + html_value(rec.value("integrity", json::object()).value("sha256", json())) + "</code>");
  out += html_row("Certificate", "<code>" + html_value(cert.value("sha256", json())) + "</code>");
  for (const auto& c : rec.value("chain", json::array())) {
    out += html_row("CA certificate (--chain)", "<code>" + html_value(c.value("sha256", json())) + "</code> " +
                                                    html_value(c.value("subject", json())));
  }
  for (const auto& a : rec.value("lotl_anchors", json::array())) {
    out += html_row("LOTL anchor", "<code>" + html_value(a.value("sha256", json())) + "</code> " +
                                       html_value(a.value("subject", json())));
  }
  for (const auto& s : rec.value("tl_signers", json::array())) {
    out += html_row("List signer (caller's)", "<code>" + html_value(s.value("sha256", json())) + "</code> " +
                                                  html_value(s.value("subject", json())));
  }
  for (const auto& l : rec.value("lists", json::array())) {
    const std::string role = l.value("role", std::string());
    if (role == "lotl" || role == "pivot" || l.value("indexed", false)) {
      const json t = l.value("territory", json());
      out += html_row("List " + (t.is_string() ? t.get<std::string>() : std::string("?")) + " " + role,
                      "<code>" + html_value(l.value("sha256", json())) + "</code>");
    }
  }
  return out + "</tbody></table>\n<p class=\"muted\">Digests of every other list are in the list table above.</p>\n";
}

}  // namespace eutl::evidence::detail
