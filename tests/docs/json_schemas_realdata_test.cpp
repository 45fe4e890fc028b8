// What every store-reading command prints with --json on the real 2023 and 2026 sets
// (../shared/realdata), imported into one store, matches its schema in docs/schemas:
// import, status, store list/verify, diff, list, show-service, export, anchors, check
// on the real certificates (with an evidence record re-verified), verify and show.
#include <gtest/gtest.h>

#include "tests/docs/json_schema_check.h"

namespace eutl::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* k2023 = " --at 2023-10-28T00:00:00Z";
constexpr const char* k2026 = " --at 2026-08-21T12:00:00Z";

// The first certificate of each of the realdata/certs folders (qualified, CA, not
// qualified, untrusted), in name order.
std::vector<fs::path> sample_certificates() {
  std::vector<fs::path> out;
  for (const char* dir : {"qualified", "ca", "non-qualified", "untrusted"}) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(realdata() / "certs" / dir)) {
      if (e.is_regular_file()) {
        files.push_back(e.path());
      }
    }
    std::sort(files.begin(), files.end());
    if (!files.empty()) {
      out.push_back(files.front());
    }
  }
  return out;
}

TEST(JsonSchemasRealData, The2023And2026SetsGiveOutputThatMatchesEverySchema) {
  EUTL_REQUIRE_REALDATA();
  if (!fs::exists(realdata() / "MANIFEST-2026.md")) {
    GTEST_SKIP() << "no 2026 set in ../shared/realdata";
  }
  SchemaChecker check("realdata");
  const fs::path r = realdata();
  const std::string store = " --store " + shell_quote(check.dir() / "store");
  const std::string oj2019 = " --lotl-signers " + shell_quote(r / "oj/oj-C276-2019-lotl-signers.pem");
  const std::string set2023 = " " + shell_quote(r / "lotl/eu-lotl-seq332-2023-09-27.xml") + " " +
                              shell_quote(r / "lotl/pivots/eu-lotl-pivot-282.xml") + " " +
                              shell_quote(r / "lotl/pivots/eu-lotl-pivot-300.xml") + " " + shell_quote(r / "tl/2023");

  const json old_set = check.run("eutl-import/1", "import" + store + oj2019 + k2023 + set2023, {0, 1});
  EXPECT_GT(old_set["lists"].size(), 25u);
  const json new_set = check.run("eutl-import/1", "import" + store + k2026 + " " +
                                                      shell_quote(r / "lotl/eu-lotl-seq390-2026-08-03.xml") + " " +
                                                      shell_quote(r / "lotl/pivots") + " " + shell_quote(r / "tl/2026"),
                                 {0, 1});
  EXPECT_GT(new_set["lists"].size(), 25u);
  for (const auto& l : new_set["lists"]) {
    EXPECT_EQ(l["digest"], l["in_use_digest"]) << l["territory"];
  }
  check.run("eutl-status/1", "status" + store + k2026, {0, 1});
  const json snapshots = check.run("eutl-store-list/1", "store list" + store);
  ASSERT_EQ(snapshots["snapshots"].size(), 2u) << snapshots.dump(1);
  const std::string first = snapshots["snapshots"][0]["id"];
  check.run("eutl-store-verify/1", "store verify" + store);
  const json diff = check.run("eutl-diff/1", "diff " + first + " current" + store);
  for (const auto& l : diff["lists"]) {
    EXPECT_EQ(l["new"]["digest"], l["new"]["sha256"]) << l.dump(1);
  }
  check.run("eutl-anchors/1", "anchors" + store);

  const std::string current = store + k2026 + " --quiet";
  const json services = check.run("eutl-list/1", "list" + current + " --territory BE");
  ASSERT_TRUE(services.is_array() && !services.empty());
  const json service = check.run("eutl-show-service/1", "show-service " + services[0]["id"].get<std::string>() + current);
  EXPECT_EQ(service["history"], service["timeline"]);
  check.run("eutl-export/1", "export --pem --for wsa" + current);

  // check on one certificate of each realdata/certs folder; the first also writes an
  // evidence record that evidence verify re-runs.
  const fs::path record = check.dir() / "record.json";
  bool first_cert = true;
  for (const fs::path& cert : sample_certificates()) {
    check.run("eutl-check/1",
              "check " + shell_quote(cert) + " --snapshot current" + store + k2026 +
                  (first_cert ? " --for qes --evidence " + shell_quote(record) : std::string()),
              {0, 1, 3});
    check.run("eutl-check/1", "check " + shell_quote(cert) + " --snapshot " + first + store + k2023, {0, 1, 3});
    first_cert = false;
  }
  check.run("eutl-evidence-verify/1", "evidence verify " + shell_quote(record) + store, {0});

  check.run("eutl-verify/1", "verify" + oj2019 + k2023 + set2023, {0, 1});
  check.run("eutl-show/1", "show " + shell_quote(r / "lotl/eu-lotl-seq390-2026-08-03.xml"));
  check.run("eutl-show/1", "show " + shell_quote(r / "tl/2026/SE-seq62.xml"));
}

}  // namespace
}  // namespace eutl::test
