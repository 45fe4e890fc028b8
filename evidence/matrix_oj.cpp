// The Official Journal rows of the evidence matrix (see matrix_oj.h).
#include "evidence/matrix_oj.h"

#include <algorithm>

#include "eutl/evidence/record_anchors.h"
#include "evidence/detail/text.h"

namespace eutl::evidence::detail {
namespace {

// "OJ C 276/2019" for ...uriserv:OJ.C_.2019.276.01.0001.01.ENG; empty otherwise.
std::string uriserv_reference(std::string_view uri) {
  const auto at = uri.find("OJ.C_.");
  if (at == std::string_view::npos) {
    return "";
  }
  std::string_view rest = uri.substr(at + 6);
  const auto dot = rest.find('.');
  if (dot == std::string_view::npos) {
    return "";
  }
  const std::string_view year = rest.substr(0, dot);
  std::string_view number = rest.substr(dot + 1);
  number = number.substr(0, number.find('.'));
  while (number.size() > 1 && number.front() == '0') {
    number.remove_prefix(1);
  }
  if (year.size() != 4 || number.empty()) {
    return "";
  }
  return "OJ C " + std::string(number) + "/" + std::string(year);
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// "OJ C/2026/1944" for https://eur-lex.europa.eu/eli/C/2026/1944/oj; empty otherwise.
std::string eli_reference(std::string_view uri) {
  const auto at = uri.find("/eli/C/");
  if (at == std::string_view::npos) {
    return "";
  }
  std::string_view rest = uri.substr(at + 7);
  const auto slash = rest.find('/');
  if (slash == std::string_view::npos) {
    return "";
  }
  const std::string_view year = rest.substr(0, slash);
  std::string_view number = rest.substr(slash + 1);
  number = number.substr(0, number.find('/'));
  if (year.size() != 4 || !all_digits(year) || !all_digits(number)) {
    return "";
  }
  return "OJ C/" + std::string(year) + "/" + std::string(number);
}

const verify::VerifiedList* lotl_of(const std::vector<verify::VerifiedList>& lists) {
  for (const auto& v : lists) {
    if (v.kind == verify::ListKind::kLotl && v.list) {
      return &v;
    }
  }
  return nullptr;
}

// The notices the LOTL names in its SchemeInformationURI (TS 119 612 V2.4.1 §5.3.7:
// for the LOTL, the OJ publication), in the LOTL's order.
std::vector<std::string> notices_named_by_lotl(const std::vector<verify::VerifiedList>& lists) {
  std::vector<std::string> out;
  if (const verify::VerifiedList* lotl = lotl_of(lists)) {
    for (const auto& u : lotl->list->scheme.information_uris.values) {
      if (std::string ref = oj_reference_of(u.value); !ref.empty() && std::find(out.begin(), out.end(), ref) == out.end()) {
        out.push_back(std::move(ref));
      }
    }
  }
  return out;
}

}  // namespace

std::string oj_reference_of(std::string_view uri) {
  std::string ref = uriserv_reference(uri);
  return ref.empty() ? eli_reference(uri) : ref;
}

std::string legacy_oj_anchor_source(const std::vector<verify::VerifiedList>& lists) {
  if (const verify::VerifiedList* lotl = lotl_of(lists)) {
    for (const auto& u : lotl->list->scheme.information_uris.values) {
      if (std::string ref = uriserv_reference(u.value); !ref.empty()) {
        return "Official Journal notice " + ref + ", named in the LOTL's SchemeInformationURI";
      }
    }
  }
  return "LOTL signing certificate trusted by the verifier (Official Journal)";
}

void add_oj_anchor_rows(const DecisionLists& lists, const RecordAnchors& anchors, std::vector<MatrixRow>& rows) {
  const std::vector<std::string> named = notices_named_by_lotl(lists.lists);
  for (const RecordAnchor& a : anchors.lotl_anchors) {
    const std::vector<std::string>& refs = a.oj_references;
    MatrixRow r{MatrixArtifact::kOfficialJournalAnchor, "", "LOTL signing certificate published in the Official "
                "Journal: the root of trust", "", a.der.sha256, std::nullopt, std::nullopt,
                lists.lists_at, MatrixStandard::kTrustedListFramework};
    if (!refs.empty()) {
      r.source = (refs.size() == 1 ? "Official Journal notice " : "Official Journal notices ") + comma_joined(refs);
    } else {
      r.claim = "LOTL signing certificate the verifier was given: the root of trust";
      r.source = "LOTL anchor given by the caller; none of the Official Journal notices bundled with eutl announces "
                 "it" + (named.empty() ? std::string() : " (the LOTL names " + comma_joined(named) + ")");
    }
    if (a.der.subject) {
      r.artifact = "LOTL signer " + *a.der.subject;
      r.from = a.not_before;
      r.until = a.not_after;
    }
    rows.push_back(std::move(r));
  }
}

}  // namespace eutl::evidence::detail
