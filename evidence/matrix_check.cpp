// Re-verifying the evidence matrix (see matrix_check.h).
#include "evidence/matrix_check.h"

#include <map>

#include "evidence/record_json.h"
#include "evidence/detail/text.h"

namespace eutl::evidence::detail {
namespace {

void add_der(std::map<std::string, std::string>& known, const RecordDer& d, const std::string& what) {
  if (d.sha256) {
    known.emplace(tsl::to_hex(*d.sha256), what);
  }
}

}  // namespace

void check_matrix_digests(const EvidenceRecord& rec, EvidenceCheck& chk) {
  if (rec.schema != kEvidenceSchema) {
    return;  // eutl-evidence/2 and /1 have no matrix
  }
  const json& doc = document(rec);
  const json& rows = doc.contains("evidence_matrix") ? doc["evidence_matrix"] : json();
  if (!rows.is_array()) {
    chk.differences.push_back({"evidence_matrix", "missing or not an array in an eutl-evidence/3 record"});
    return;
  }
  std::map<std::string, std::string> known;  // digest -> what the record says it is
  add_der(known, rec.certificate, "the certificate");
  for (std::size_t i = 0; i < rec.chain.size(); ++i) {
    add_der(known, rec.chain[i], "chain[" + std::to_string(i) + "]");
  }
  for (std::size_t i = 0; i < rec.lotl_anchors.size(); ++i) {
    add_der(known, rec.lotl_anchors[i], "lotl_anchors[" + std::to_string(i) + "]");
  }
  for (std::size_t i = 0; i < rec.lists.size(); ++i) {
    known.emplace(rec.lists[i].sha256_hex, "lists[" + std::to_string(i) + "]");
  }
  const json& services = doc.contains("services") && doc["services"].is_array() ? doc["services"] : json::array();
  for (std::size_t i = 0; i < services.size(); ++i) {
    const json& certs = services[i].is_object() ? services[i].value("certificates_sha256", json::array()) : json();
    for (const auto& c : certs.is_array() ? certs : json::array()) {
      if (c.is_string()) {
        known.emplace(c.get<std::string>(), "services[" + std::to_string(i) + "] digital identity");
      }
    }
  }
  std::size_t digests = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string hex = string_member(rows[i], "sha256");
    if (hex.empty()) {
      continue;
    }
    if (known.find(hex) == known.end()) {
      chk.differences.push_back({"evidence_matrix[" + std::to_string(i) + "] " + string_member(rows[i], "kind"),
                                 "SHA-256 " + hex + " is none of the certificate, the chain, the anchors, the "
                                 "lists or the service certificates the record carries"});
      continue;
    }
    ++digests;
  }
  chk.checked.push_back("evidence matrix: " + std::to_string(rows.size()) + " rows, " + std::to_string(digests) +
                        " digests name the certificate, chain, anchors, lists and service certificates checked here");
}

void as_schema(std::string_view schema, json& rebuilt) {
  if (schema == kEvidenceSchema) {
    return;
  }
  rebuilt.erase("evidence_matrix");  // added by eutl-evidence/3
  if (schema == kEvidenceSchemaV1 && rebuilt.contains("lists")) {
    for (json& l : rebuilt["lists"]) {
      l.erase("trust");  // added by eutl-evidence/2
    }
  }
}

}  // namespace eutl::evidence::detail
