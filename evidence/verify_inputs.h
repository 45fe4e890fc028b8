// Internal: what a record names, read for its re-verification: the certificate, its
// chain, the LOTL anchors and national-list signers it carries (each DER checked
// against its recorded digest, and against a bundle's side file when there is one),
// and the bytes of every list it names, found by digest (sources.h). Every problem is
// a finding in the EvidenceCheck; nothing here decides.
#pragma once

#include <optional>
#include <vector>

#include "eutl/evidence/evidence.h"
#include "eutl/verify/list_set.h"
#include "evidence/json.h"

namespace eutl::evidence::detail {

struct Inputs final {
  std::optional<verify::CertificateProfile> cert;
  std::vector<verify::CertificateProfile> chain;
  std::vector<tsl::Bytes> anchors;
  std::vector<tsl::Bytes> tl_signers;  // the caller's national-list signers the record carries
  std::vector<verify::ListSetInput> lists;
  bool complete = true;
};

Inputs read_inputs(const EvidenceRecord& rec, const EvidenceSources& sources, EvidenceCheck& chk);

// The snapshot a record names must, when the store still has it, list exactly the
// bytes the record names (the record cannot claim a snapshot it did not use).
void check_snapshot(const EvidenceRecord& rec, const EvidenceSources& sources, EvidenceCheck& chk);

}  // namespace eutl::evidence::detail
