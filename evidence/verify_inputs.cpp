// Reading what a record names, for its re-verification (see verify_inputs.h).
#include "evidence/verify_inputs.h"

#include <algorithm>
#include <iterator>

#include "evidence/sources.h"

namespace eutl::evidence::detail {
namespace {

struct Decoded final {
  tsl::Bytes der;
  bool ok = false;
};

std::string hex_or_empty(const std::optional<tsl::Sha256>& d) { return d ? tsl::to_hex(*d) : std::string(); }

// Decodes a DER member and checks its digest; findings name `where`.
Decoded decode_der(const RecordDer& j, const std::string& where, EvidenceCheck& chk) {
  Decoded d;
  auto der = tsl::base64_decode(j.der_base64);
  if (!der) {
    chk.differences.push_back({where, "der_base64 is not valid base64: " + der.error().message});
    return d;
  }
  const tsl::Sha256 got = tsl::sha256(*der);
  if (!j.sha256 || got != *j.sha256) {
    chk.differences.push_back({where, "the DER has SHA-256 " + tsl::to_hex(got) + ", the record says " +
                                          hex_or_empty(j.sha256) + " (the certificate was changed)"});
  }
  d.der = std::move(*der);
  d.ok = true;
  return d;
}

// A side file of a bundle (certificate.der, anchors/…) must equal the record's copy.
void check_side_file(const EvidenceSources& s, const std::string& name, const tsl::Bytes& der, EvidenceCheck& chk) {
  if (!s.bundle) {
    return;
  }
  std::error_code ec;
  const auto file = *s.bundle / name;
  if (!std::filesystem::exists(file, ec)) {
    return;
  }
  auto bytes = read_file_bytes(file);
  if (!bytes || *bytes != der) {
    chk.differences.push_back({"bundle " + name, "differs from the copy inside the record (SHA-256 " +
                                                     (bytes ? tsl::to_hex(tsl::sha256(*bytes)) : "unreadable") +
                                                     ", record " + tsl::to_hex(tsl::sha256(der)) + ")"});
  }
}

}  // namespace

void check_snapshot(const EvidenceRecord& rec, const EvidenceSources& sources, EvidenceCheck& chk) {
  const std::string id = rec.snapshot.value_or("");
  std::error_code ec;
  if (id.empty() || sources.bundle || !sources.store ||
      !std::filesystem::is_regular_file(*sources.store / "snapshots" / (id + ".json"), ec)) {
    if (!id.empty()) {
      chk.checked.push_back("snapshot " + id + ": not consulted (not in the store or a bundle was used); lists "
                            "checked by digest");
    }
    return;
  }
  auto store = cache::Store::open(*sources.store);
  auto snap = store ? store->read_snapshot(id) : Result<cache::Snapshot>(store.error());
  if (!snap) {
    chk.differences.push_back({"snapshot", id + ": cannot be read: " + snap.error().message});
    return;
  }
  std::vector<std::optional<tsl::Sha256>> in_use{snap->lotl.in_use_digest};
  for (const auto* records : {&snap->pivots, &snap->lists}) {
    std::transform(records->begin(), records->end(), std::back_inserter(in_use),
                   [](const cache::ListRecord& r) { return r.in_use_digest; });
  }
  for (std::size_t i = 0; i < rec.lists.size(); ++i) {
    const std::string& hex = rec.lists[i].sha256_hex;
    const std::optional<tsl::Sha256> digest = tsl::sha256_from_hex(hex);
    if (!digest || std::find(in_use.begin(), in_use.end(), digest) == in_use.end()) {
      chk.differences.push_back({"lists[" + std::to_string(i) + "] " + rec.lists[i].territory.value_or(""),
                                 "SHA-256 " + hex + " is not a list in use in snapshot " + id});
    }
  }
  chk.checked.push_back("snapshot " + id + ": every list of the record is in use in it");
}

Inputs read_inputs(const EvidenceRecord& rec, const EvidenceSources& sources, EvidenceCheck& chk) {
  Inputs in;
  Decoded cert = decode_der(rec.certificate, "certificate", chk);
  if (cert.ok) {
    check_side_file(sources, "certificate.der", cert.der, chk);
    auto p = verify::read_certificate_profile(cert.der);
    if (p) {
      in.cert = std::move(*p);
      chk.checked.push_back("certificate: SHA-256 " + tsl::to_hex(in.cert->sha256));
    } else {
      chk.differences.push_back({"certificate", "not a readable certificate: " + p.error().message});
    }
  }
  in.complete = in.cert.has_value();
  for (std::size_t i = 0; i < rec.chain.size(); ++i) {
    Decoded c = decode_der(rec.chain[i], "chain[" + std::to_string(i) + "]", chk);
    auto p = c.ok ? verify::read_certificate_profile(c.der) : Result<verify::CertificateProfile>(Error());
    if (!p) {
      if (c.ok) {
        chk.differences.push_back({"chain[" + std::to_string(i) + "]", "not a readable certificate: " +
                                                                         p.error().message});
      }
      in.complete = false;
      continue;
    }
    check_side_file(sources, "chain/" + std::to_string(i) + ".der", c.der, chk);
    in.chain.push_back(std::move(*p));
  }
  for (std::size_t i = 0; i < rec.lotl_anchors.size(); ++i) {
    Decoded a = decode_der(rec.lotl_anchors[i], "lotl_anchors[" + std::to_string(i) + "]", chk);
    if (a.ok) {
      check_side_file(sources, "anchors/" + hex_or_empty(rec.lotl_anchors[i].sha256) + ".der", a.der, chk);
      in.anchors.push_back(std::move(a.der));
    }
  }
  // eutl-evidence/1 had no tl_signers: a /1 record that names some is re-verified
  // without them (and differs: "in the record but not re-derived").
  if (rec.schema != kEvidenceSchemaV1) {
    for (std::size_t i = 0; i < rec.tl_signers.size(); ++i) {
      Decoded s = decode_der(rec.tl_signers[i], "tl_signers[" + std::to_string(i) + "]", chk);
      if (s.ok) {
        in.tl_signers.push_back(std::move(s.der));
      }
    }
  }
  for (std::size_t i = 0; i < rec.lists.size(); ++i) {
    const std::string& hex = rec.lists[i].sha256_hex;
    const std::string& source = rec.lists[i].source;
    const std::string label = "lists[" + std::to_string(i) + "] " + rec.lists[i].territory.value_or("") + " " + source;
    FoundBytes found = find_list_bytes(sources, hex, source);
    if (!found.bytes) {
      std::string why;
      for (const auto& p : found.problems) {
        why += (why.empty() ? "" : "; ") + p;
      }
      // Nothing found anywhere (e.g. pruned from the store) is not tampering: the
      // record can be neither confirmed nor refused without those bytes.
      if (why.empty()) {
        chk.differences.push_back({label,
                                   "input missing: no bytes with SHA-256 " + hex + " found (looked at " +
                                       found.searched + ")",
                                   EvidenceFindingKind::kInputMissing});
      } else {
        chk.differences.push_back({label, "expected SHA-256 " + hex + ", but " + why});
      }
      in.complete = false;
      continue;
    }
    chk.checked.push_back(label + ": SHA-256 " + hex + " (" + found.origin + ")");
    in.lists.push_back({source, std::move(*found.bytes)});
  }
  return in;
}

}  // namespace eutl::evidence::detail
