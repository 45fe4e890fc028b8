// EN 319 412-5 / RFC 3739 §3.2.6 SemanticsInformation whose semanticsIdentifier tag
// reads as an OID but whose length runs past the SEQUENCE: found by fuzz_qc_statements
// (the identifier was read from a disengaged optional). It is an anomaly, not a value.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "eutl/verify/certificate_profile.h"
#include "verify/certificate_native.h"

namespace eutl::verify::detail {
namespace {

TEST(QcSemanticsTruncated, AnOidRunningPastItsSequenceIsAnAnomaly) {
  // SEQUENCE { SEQUENCE { id-qcs-pkixQCSyntax-v2, SEQUENCE { OID of length 0x27 in 7 bytes } } }
  const std::vector<std::uint8_t> value = {0x30, 0x17, 0x30, 0x15, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07,
                                           0x0b, 0x02, 0x30, 0x09, 0x06, 0x27, 0x04, 0x19, 0x8b, 0xec, 0x49, 0x01,
                                           0x02};
  QcStatements qc;
  std::vector<std::string> anomalies;
  std::string error;
  parse_qc_statements(tsl::ByteView(value.data(), value.size()), qc, anomalies, error);
  EXPECT_TRUE(qc.semantics_ids.empty());
  bool named = false;
  for (const std::string& a : anomalies) {
    named = named || a.rfind("qc-semantics-malformed: semanticsIdentifier", 0) == 0;
  }
  EXPECT_TRUE(named) << testing::PrintToString(anomalies);
}

}  // namespace
}  // namespace eutl::verify::detail
