// The chain of trust of the HTML report, drawn as a path from the Official Journal
// to the certificate: OJ notice (the LOTL signing certificates) → pivots → LOTL →
// national list → TSP → service → issuing CA → certificate (TS 119 615 §4.1-4.4,
// TS 119 612 V2.4.1 §5.3, §5.5). Each link shows its digest and date; the list that
// decided the case is highlighted.
#include <algorithm>

#include "evidence/html.h"

namespace eutl::evidence::detail {
namespace {

struct Link final {
  std::string what;    // "Official Journal", "LOTL pivot", ...
  std::string name;    // HTML
  std::string digest;  // HTML
  std::string date;    // HTML
  std::string via;     // the arrow drawn before it: how the link before vouches for it
  bool decisive = false;
};

std::string link_html(const Link& l) {
  return "<li" + std::string(l.decisive ? " class=\"decisive\"" : "") + " data-via=\"" + html_escape(l.via) +
         "\"><span class=\"what\">" + html_escape(l.what) + "</span> " + l.name +
         (l.decisive ? " <strong>(decided the case)</strong>" : "") + "<div class=\"meta\">" +
         (l.digest.empty() ? std::string() : "SHA-256 " + l.digest) + (l.date.empty() ? "" : " · " + l.date) +
         "</div></li>\n";
}

const json* matrix_row(const json& rec, std::string_view kind) {
  if (!rec.contains("evidence_matrix") || !rec["evidence_matrix"].is_array()) {
    return nullptr;
  }
  for (const auto& r : rec["evidence_matrix"]) {
    if (r.is_object() && r.value("kind", std::string()) == kind) {
      return &r;
    }
  }
  return nullptr;
}

std::string list_date(const json& l) {
  return "issued " + html_value(l.value("issue_date", json())) + ", next update " +
         html_value(l.value("next_update", json()));
}

Link list_link(const json& l, std::string what, std::string via) {
  return {std::move(what),
          html_value(l.value("territory", json())) + " sequence " + html_value(l.value("sequence_number", json())) +
              " (" + html_short_path(l.value("source", json())) + ")",
          html_short_digest(l.value("sha256", json())), list_date(l), std::move(via)};
}

// The first link: the Official Journal notice that announced the anchor which signed
// the first of `signed_lists` (the LOTL, then the pivots newest first) signed by an
// anchor, from the matrix rows (eutl-evidence/3). Without such a row: every notice
// and anchor the record names.
Link official_journal_link(const json& rec, const std::vector<const json*>& signed_lists) {
  const json matrix = rec.value("evidence_matrix", json::array());
  std::vector<const json*> oj_rows;
  for (const auto& r : matrix) {
    if (r.is_object() && r.value("kind", std::string()) == "official-journal-anchor") {
      oj_rows.push_back(&r);
    }
  }
  for (const json* l : signed_lists) {
    const json signer_object = l->value("signer", json());
    const json signer = signer_object.is_object() ? signer_object.value("sha256", json()) : json();
    for (const json* r : oj_rows) {
      if (!signer.is_null() && r->value("sha256", json()) == signer) {
        return {"Official Journal",
                html_value(r->value("source", json())) + " · " + html_value(r->value("artifact", json())) +
                    " · signed " + html_value(l->value("territory", json())) + " sequence " +
                    html_value(l->value("sequence_number", json())),
                html_short_digest(r->value("sha256", json())), "", ""};
      }
    }
  }
  std::string notices;
  std::string anchors;
  for (const json* r : oj_rows) {
    const std::string source = html_value(r->value("source", json()));
    if (notices.find(source) == std::string::npos) {
      notices += (notices.empty() ? "" : "; ") + source;
    }
  }
  for (const auto& a : rec.value("lotl_anchors", json::array())) {
    anchors += (anchors.empty() ? "" : ", ") + html_short_digest(a.value("sha256", json()));
  }
  return {"Official Journal", notices.empty() ? std::string("LOTL signing certificates") : notices, anchors, "", ""};
}

}  // namespace

std::string html_chain_of_trust(const json& rec) {
  std::vector<Link> links;
  const json lists = rec.value("lists", json::array());
  std::vector<json> pivots;
  const json* lotl = nullptr;
  for (const auto& l : lists) {
    if (l.value("role", std::string()) == "pivot") {
      pivots.push_back(l);
    } else if (l.value("role", std::string()) == "lotl") {
      lotl = &l;
    }
  }
  std::sort(pivots.begin(), pivots.end(), [](const json& a, const json& b) {
    const json x = a.value("sequence_number", json());
    const json y = b.value("sequence_number", json());
    return (x.is_number_unsigned() ? x.get<std::uint64_t>() : 0) < (y.is_number_unsigned() ? y.get<std::uint64_t>() : 0);
  });
  std::vector<const json*> signed_lists;
  if (lotl) {
    signed_lists.push_back(lotl);
  }
  for (auto p = pivots.rbegin(); p != pivots.rend(); ++p) {
    signed_lists.push_back(&*p);
  }
  links.push_back(official_journal_link(rec, signed_lists));
  for (const auto& p : pivots) {
    links.push_back(list_link(p, "LOTL pivot", "names the LOTL signers in"));
  }
  if (lotl) {
    links.push_back(list_link(*lotl, "List of trusted lists", "authorises the signer of"));
  }
  const auto list_ix = decisive_list(rec);
  const auto svc_ix = decisive_service(rec);
  if (list_ix && *list_ix < lists.size()) {
    const json& l = lists[*list_ix];
    Link n = list_link(l, "National trusted list",
                       l.value("trust", std::string()) == "caller-signer"
                           ? "not through the LOTL: the caller trusts the signer of"
                           : "points to, and names the signers of");
    n.decisive = true;
    links.push_back(std::move(n));
  }
  const json services = rec.value("services", json::array());
  if (svc_ix && *svc_ix < services.size()) {
    const json& s = services[*svc_ix];
    links.push_back({"Trust service provider", html_value(s.value("tsp", json())), "", "",
                     "lists"});
    std::string status;
    for (const auto& h : s.value("history", json::array())) {
      if (h.value("period", std::string()) == "current") {
        status = html_value(h.value("type_short", json())) + ", " + html_value(h.value("status_short", json())) +
                 " since " + html_value(h.value("start", json()));
      }
    }
    links.push_back({"Trust service", html_value(s.value("service_name", json())),
                     html_short_digest(s.value("certificates_sha256", json::array()).empty()
                                           ? json()
                                           : s["certificates_sha256"][0]),
                     status, "provides"});
  }
  const json chain = rec.value("chain", json::array());
  if (!chain.empty()) {
    links.push_back({"Issuing CA", html_value(chain[0].value("subject", json())),
                     html_short_digest(chain[0].value("sha256", json())), "", "identifies by its digital identity"});
  } else if (const json* ca = matrix_row(rec, "issuing-ca")) {
    links.push_back({"Issuing CA", html_value(ca->value("artifact", json())), html_short_digest(ca->value("sha256", json())),
                     "", "identifies by its digital identity"});
  }
  const json cert = rec.value("certificate", json::object());
  links.push_back({"Certificate", html_value(cert.value("subject", json())), html_short_digest(cert.value("sha256", json())),
                   "valid " + html_value(cert.value("not_before", json())) + " .. " +
                       html_value(cert.value("not_after", json())),
                   "issued"});
  std::string out = "<h2 id=\"chain-of-trust\">Chain of trust</h2>\n<ol class=\"chain\">\n";
  for (const auto& l : links) {
    out += link_html(l);
  }
  out += "</ol>\n";
  if (!list_ix) {
    out += "<p class=\"note\">No trusted-list service of the issuing CA was found: the chain stops at the lists.</p>\n";
  }
  return out;
}

}  // namespace eutl::evidence::detail
