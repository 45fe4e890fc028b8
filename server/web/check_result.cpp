#include "server/web/check_result.h"

#include <utility>

#include "server/web/page_layout.h"

namespace eutl::server::web {
namespace {

using nlohmann::json;

// A string member, or "" for a missing, null or non-string one.
std::string text(const json& j, std::string_view key) {
  if (!j.is_object()) {
    return {};
  }
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// A member, or null when missing (a copy: pages are small).
json member(const json& j, std::string_view key) {
  if (!j.is_object()) {
    return nullptr;
  }
  const auto it = j.find(key);
  return it == j.end() ? json(nullptr) : *it;
}

std::string css_class(std::string_view word) {
  if (word == "confirmed" || word == "qualified") {
    return "good";
  }
  if (word == "refuted" || word == "not_qualified") {
    return "bad";
  }
  return "unknown";
}

std::string headline(std::string_view word) {
  if (word == "not_qualified") {
    return "Not qualified";
  }
  std::string out(word);
  if (!out.empty()) {
    out[0] = static_cast<char>(out[0] - ('a' <= out[0] && out[0] <= 'z' ? 'a' - 'A' : 0));
  }
  return out;
}

std::string type_label(std::string_view type) {
  if (type == "esig") {
    return "esig: electronic signatures (eIDAS Art. 3(15))";
  }
  if (type == "eseal") {
    return "eseal: electronic seals (eIDAS Art. 3(30))";
  }
  if (type == "wsa") {
    return "wsa: website authentication (eIDAS Art. 3(39))";
  }
  return "unknown";
}

std::string tri_label(const json& value) {
  if (value.is_boolean()) {
    return value.get<bool>() ? "yes" : "no";
  }
  return "unknown";
}

std::string row(std::string_view label, std::string_view id, const std::string& html) {
  return "<tr><th scope=\"row\">" + std::string(label) + "</th><td id=\"" + std::string(id) + "\">" + html +
         "</td></tr>\n";
}

std::string service_line(const json& service) {
  if (!service.is_object()) {
    return "<span class=\"na\">none</span>";
  }
  return "<code>" + esc(text(service, "id")) + "</code> " + esc(text(service, "tsp")) + " — " +
         esc(text(service, "service_name")) + " <span class=\"muted\">(" + esc(text(service, "territory")) +
         " list, sequence " + esc(member(service, "list_sequence_number").dump()) + ")</span>";
}

std::string reasons(const json& decision) {
  std::string out = "<ul class=\"reasons\" id=\"reasons\">\n";
  for (const auto& [key, label] : {std::pair{"at_issuance", "At issuance"}, std::pair{"at_time", "At time T"}}) {
    const json at = member(decision, key);
    out += "<li><strong>" + std::string(label) + "</strong> (" + esc(text(at, "time")) + "): " +
           esc(text(at, "status")) + " — " + esc(text(at, "reason")) + "</li>\n";
  }
  if (const std::string part = text(decision, "failing_part"); !part.empty()) {
    out += "<li><strong>What fails the claim:</strong> " + esc(part) + "</li>\n";
  }
  for (const json& w : member(decision, "warnings")) {
    out += "<li class=\"warning\"><strong>Warning:</strong> " + esc(w.is_string() ? w.get<std::string>() : w.dump()) +
           "</li>\n";
  }
  return out + "</ul>\n";
}

std::string trace_table(const json& trace) {
  if (!trace.is_array() || trace.empty()) {
    return {};
  }
  std::string out = "<details class=\"trace\"><summary>Rule trace (" + std::to_string(trace.size()) +
                    " rules)</summary>\n<table><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Clause</th>"
                    "<th scope=\"col\">Subject</th><th scope=\"col\">Outcome</th><th scope=\"col\">Detail</th></tr>"
                    "</thead><tbody>\n";
  for (const json& t : trace) {
    const std::string outcome = text(t, "outcome");
    out += "<tr><td><code>" + esc(text(t, "rule")) + "</code></td><td>" + esc(text(t, "clause")) + "</td><td>" +
           esc(text(t, "subject")) + "</td><td class=\"" + esc(outcome) + "\">" + esc(outcome) + "</td><td>" +
           esc(text(t, "detail")) + "</td></tr>\n";
  }
  return out + "</tbody></table></details>\n";
}

}  // namespace

std::string verdict_word(const json& decision) {
  if (!text(decision, "claim").empty()) {
    const std::string v = text(decision, "verdict");
    return v.empty() ? "indeterminate" : v;
  }
  const std::string s = text(member(decision, "overall"), "status");
  return s.empty() ? "indeterminate" : s;
}

std::string render_check_result(const json& decision, std::string_view evidence_id) {
  const std::string word = verdict_word(decision);
  const std::string claim = text(decision, "claim");
  const json overall = member(decision, "overall");
  const json cert = member(decision, "certificate");
  std::string out = "<section id=\"result\" class=\"result\" aria-labelledby=\"result-title\">\n"
                    "<h2 id=\"result-title\">Result</h2>\n";
  out += "<div class=\"verdict " + css_class(word) + "\" id=\"verdict\" data-verdict=\"" + esc(word) + "\">";
  out += "<p class=\"v\">" + esc(headline(word)) + "</p><p>";
  out += claim.empty() ? "No claim was asked; the certificate's qualification at time T:"
                       : "Claim <code>" + esc(claim) + "</code> (" + esc(text(decision, "claim_explanation")) + "):";
  out += " " + esc(text(overall, "reason")) + ".</p></div>\n";
  out += "<table class=\"facts\"><tbody>\n";
  out += row("Claim", "r-claim", claim.empty() ? "<span class=\"na\">none asked</span>" : "<code>" + esc(claim) + "</code>");
  out += row("Overall status", "r-status", esc(text(overall, "status")));
  out += row("Certificate type", "r-type", esc(type_label(text(overall, "type"))));
  out += row("On a QSCD", "r-qscd", esc(tri_label(member(overall, "qscd"))));
  out += row("Subject", "r-subject", esc(text(cert, "subject")));
  out += row("Issuer", "r-issuer", esc(text(cert, "issuer")));
  out += row("SHA-256", "r-sha256", "<code>" + esc(text(cert, "sha256")) + "</code>");
  out += row("Service", "r-service", service_line(member(overall, "service")));
  out += row("Time T", "r-time", esc(text(overall, "time")));
  out += "</tbody></table>\n<h3>Reasons</h3>\n" + reasons(decision) + trace_table(member(decision, "trace"));
  if (!evidence_id.empty()) {
    const std::string id = esc(evidence_id);
    out += "<p class=\"links\"><a id=\"report-link\" href=\"/v1/evidence/" + id +
           "/report\">Open the evidence report</a> <a id=\"record-link\" href=\"/v1/evidence/" + id +
           "\" download=\"eutl-evidence-" + esc(evidence_id.substr(0, 16)) +
           ".json\">Download the evidence record (JSON)</a></p>\n";
  }
  return out + "</section>\n";
}

}  // namespace eutl::server::web
