// The Official Journal rows of the evidence matrix: each anchor names the notice that
// announced it (none for an anchor eutl does not ship), and URIs of both OJ reference
// forms are read. Records with the earlier wording: legacy_wording_test.cpp.
#include "evidence/matrix_oj.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/evidence_support.h"

namespace eutl::evidence {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

TEST(MatrixOjReference, ReadsBothOjReferenceForms) {
  struct Case {
    const char* uri;
    const char* reference;
  };
  const Case cases[] = {
      {"https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=uriserv:OJ.C_.2019.276.01.0001.01.ENG", "OJ C 276/2019"},
      {"https://eur-lex.europa.eu/eli/C/2026/1944/oj", "OJ C/2026/1944"},
      {"https://eur-lex.europa.eu/eli/C/2026/1944", "OJ C/2026/1944"},
      {"https://eur-lex.europa.eu/eli/C/20x6/1944/oj", ""},
      {"https://eur-lex.europa.eu/eli/C/2026//oj", ""},
      {"https://eur-lex.europa.eu/eli/reg/2014/910/oj", ""},
      {"https://ec.europa.eu/tools/lotl/eu-lotl.xml", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(detail::oj_reference_of(c.uri), c.reference) << c.uri;
  }
}

class MatrixOjTest : public test::FixtureRecordTest {
 protected:
  json record() {
    return json::parse(
        test::make_record(*m_store, m_snapshot, "certs/qes-natural.pem", "2025-03-01T00:00:00Z", "qes"));
  }
};

TEST_F(MatrixOjTest, AnAnchorNoBundledNoticeAnnouncesSaysSo) {
  const json rec = record();
  std::size_t rows = 0;
  for (const auto& row : rec["evidence_matrix"]) {
    if (row["kind"] == "official-journal-anchor") {
      ++rows;
      // The fixture PKI's anchors are ours, not the Commission's.
      EXPECT_EQ(row["source"],
                "LOTL anchor given by the caller; none of the Official Journal notices bundled with eutl announces it "
                "(the LOTL names OJ C 276/2019)");
      EXPECT_EQ(row["claim"], "LOTL signing certificate the verifier was given: the root of trust");
    }
  }
  EXPECT_EQ(rows, rec["lotl_anchors"].size());
  EXPECT_GT(rows, 0u);
}

}  // namespace
}  // namespace eutl::evidence
