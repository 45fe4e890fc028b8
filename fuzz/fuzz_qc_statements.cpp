// Fuzzes the qcStatements extension reader (EN 319 412-5 V2.4.1 §4) directly on the
// extension value, which is far denser in interesting bytes than whole certificates.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "eutl/verify/certificate_profile.h"
#include "fuzz/fuzz_common.h"
#include "verify/certificate_native.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  eutl::verify::QcStatements qc;
  std::vector<std::string> anomalies;
  std::string error;
  bool ok = eutl::verify::detail::parse_qc_statements(eutl::tsl::ByteView(data, size), qc, anomalies, error);
  if (!ok && error.empty()) {
    eutl::fuzz::fail("qcStatements refused without an error message");
  }
  if (ok && qc.types.size() != qc.type_oids.size()) {
    eutl::fuzz::fail("QcStatements::types and type_oids are not parallel");
  }
  return 0;
}
