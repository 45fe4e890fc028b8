// Fuzzes the XAdES signature check of a trusted list on mutated signed fixtures.
//
// Oracle: the signers of the generated fixtures are trusted, so a mutation can only
// keep the signature valid if it leaves the signed content alone (canonical XML
// ignores comments, the prolog and what lies outside the root). Whenever the check
// passes, the list read from the same document must therefore be one of the original
// fixture lists: a pass with a different model is an accepted forgery.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "eutl/tsl/parser.h"
#include "eutl/tsl/xml_document.h"
#include "eutl/verify/list_set.h"
#include "fuzz/fuzz_common.h"
#include "fuzz/list_fingerprint.h"
#include "verify/detail/signature.h"
#include "verify/reasons.h"

namespace {

struct Oracle final {
  eutl::verify::trust::TrustedSet trusted;
  std::set<std::string> genuine;  // fingerprints of the original signed lists
};

Oracle make_oracle() {
  namespace fs = std::filesystem;
  Oracle o;
  const fs::path dir = eutl::fuzz::fixtures_dir();
  for (const char* pem : {"oj-anchor-1", "oj-anchor-rsa", "lotl-signer-new", "tl-signer-AA", "tl-signer-BB",
                         "tl-signer-CC"}) {
    auto certs = eutl::verify::load_pem_certificates(dir / "pki" / (std::string(pem) + ".pem"));
    if (!certs) {
      eutl::fuzz::fail("cannot read the fixture signers (build the eutl_fixtures target first)");
    }
    for (const auto& der : *certs) {
      eutl::verify::trust::add_trusted(o.trusted, der, pem);
    }
  }
  // Every fixture whose signature passes is content a trusted key really signed (the
  // bad/ directory holds validly signed expired, future or misplaced lists too; pss/
  // the RSA-PSS ones).
  for (const char* sub : {"lists", "bad", "pss"}) {
    for (const auto& entry : fs::directory_iterator(dir / sub)) {
      auto bytes = eutl::fuzz::read_or_die(entry.path());
      auto doc = eutl::tsl::XmlDocument::parse(bytes, entry.path().string());
      if (!doc) {
        continue;
      }
      eutl::verify::trust::SignatureRequest request;
      request.trusted = &o.trusted;
      if (eutl::verify::trust::check_list_signature(*doc, request).outcome != eutl::verify::Outcome::kPass) {
        continue;
      }
      if (auto list = eutl::tsl::read_trusted_list(*doc)) {
        o.genuine.insert(eutl::fuzz::fingerprint(*list));
      }
    }
  }
  if (o.genuine.size() < 5) {
    eutl::fuzz::fail("the fixture lists do not verify: nothing to fuzz from");
  }
  return o;
}

const Oracle* g_oracle = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  eutl::fuzz::init_libraries();
  static const Oracle oracle = make_oracle();
  g_oracle = &oracle;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace trust = eutl::verify::trust;
  eutl::tsl::ParseLimits limits;
  limits.max_bytes = 1u << 20;
  auto doc = eutl::tsl::XmlDocument::parse(eutl::tsl::ByteView(data, size), "fuzz.xml", limits);
  if (!doc) {
    return 0;
  }
  trust::SignatureRequest request;
  request.trusted = &g_oracle->trusted;
  request.untrusted_reason = &eutl::verify::reasons::kSignerNotTrusted;
  request.diagnose = trust::DiagnoseUntrusted::kYes;
  trust::SignatureCheck check = trust::check_list_signature(*doc, request);
  if (check.outcome == eutl::verify::Outcome::kPass) {
    if (!check.reasons.empty()) {
      eutl::fuzz::fail("signature passed with reasons attached");
    }
    auto list = eutl::tsl::read_trusted_list(*doc);
    if (!list) {
      eutl::fuzz::fail("signature passed on a document that is not a readable list");
    }
    if (g_oracle->genuine.count(eutl::fuzz::fingerprint(*list)) == 0) {
      eutl::fuzz::fail("signature passed but the list read differs from every signed original");
    }
  } else if (check.reasons.empty()) {
    eutl::fuzz::fail("signature did not pass and gave no reason");
  }
  return 0;
}
