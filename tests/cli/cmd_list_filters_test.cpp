// `eutl list` on the real 2026 lists: filter values are checked (a value that names
// nothing is exit 2 with the valid values), short type names and comma lists work,
// the table never cuts a UTF-8 character and keeps its columns apart, and --csv is
// RFC 4180 that Python's csv module reads back.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/cli_stores.h"
#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) {
      return false;
    }
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
        return false;
      }
    }
    i += n;
  }
  return true;
}

class ListFilters : public test::Real2026StoreTest {
 protected:
  static test::CommandResult list(const std::string& args) {
    return test::run_command(test::cli() + " list --store " + test::shell_quote(s_store) + " --at " + test::kReal2026At + " -q " + args);
  }
  // Table rows: lines after the header (the "warning:" lines above it name the lists of
  // the 2026 set that are past their NextUpdate at test::kReal2026At).
  static std::size_t rows(const std::string& out) {
    const auto header = out.find("ID ");
    return header == std::string::npos ? 0 : std::count(out.begin() + header, out.end(), '\n') - 1;
  }
};

TEST_F(ListFilters, ShortTypeNameIsTheFullShortForm) {
  auto shortname = list("--type QTST 2>/dev/null");
  auto full = list("--type TSA/QTST 2>/dev/null");
  EXPECT_EQ(shortname.exit_code, 0);
  EXPECT_GT(rows(shortname.out), 100u);
  EXPECT_EQ(shortname.out, full.out);
}

TEST_F(ListFilters, ValuesThatNameNothingAreUsageErrors) {
  auto type = list("--type QWAC 2>&1 >/dev/null");
  EXPECT_EQ(type.exit_code, 2);
  EXPECT_THAT(type.out, HasSubstr("eutl: --type: 'QWAC' is not a service type of ETSI TS 119 612 §5.5.1"));
  EXPECT_THAT(type.out, HasSubstr("valid values: CA/QC, Certstatus/OCSP/QC"));
  auto status = list("--status bogus 2>&1 >/dev/null");
  EXPECT_EQ(status.exit_code, 2);
  EXPECT_THAT(status.out, HasSubstr("eutl: --status: 'bogus' is not a service status"));
  EXPECT_THAT(status.out, HasSubstr("granted, withdrawn"));
  auto territory = list("--territory BE,XX 2>&1 >/dev/null");
  EXPECT_EQ(territory.exit_code, 2);
  EXPECT_THAT(territory.out, HasSubstr("eutl: --territory: 'XX' has no valid list here; valid values: AT, BE"));
  auto shape = list("--territory Belgium 2>&1 >/dev/null");
  EXPECT_EQ(shape.exit_code, 2);
  EXPECT_THAT(shape.out, HasSubstr("'Belgium' is not a two-letter territory code"));
}

TEST_F(ListFilters, CommaListsAndRepeatsCombine) {
  auto both = list("--territory BE,fr --status granted 2>/dev/null");
  auto be = list("--territory BE --status granted 2>/dev/null");
  auto fr = list("--territory FR --status granted 2>/dev/null");
  ASSERT_EQ(both.exit_code, 0);
  EXPECT_GT(rows(be.out), 0u);
  EXPECT_GT(rows(fr.out), 0u);
  EXPECT_EQ(rows(both.out), rows(be.out) + rows(fr.out));
  auto repeated = list("--territory BE --territory FR --status granted 2>/dev/null");
  EXPECT_EQ(repeated.out, both.out);
}

TEST_F(ListFilters, TheTableIsValidUtf8WithSeparateColumns) {
  auto all = list("2>/dev/null");
  ASSERT_EQ(all.exit_code, 0);
  EXPECT_GT(rows(all.out), 1000u);
  std::size_t start = 0;
  while (start < all.out.size()) {
    const std::size_t end = all.out.find('\n', start);
    const std::string line = all.out.substr(start, end - start);
    EXPECT_TRUE(valid_utf8(line)) << line;
    // TYPE and STATUS never run together ("Certstatus/OCSP/QCgranted").
    EXPECT_THAT(line, ::testing::Not(::testing::ContainsRegex("/QC(granted|withdrawn)")));
    start = end + 1;
  }
  EXPECT_THAT(all.out, ::testing::ContainsRegex("Certstatus/OCSP/QC +granted +20"));
}

TEST_F(ListFilters, ListsPastNextUpdateAreNamedAboveTheTable) {
  // NL (seq 76) and NO (seq 87) of the 2026 set are past their NextUpdate at test::kReal2026At.
  auto all = list("2>/dev/null");
  ASSERT_EQ(all.exit_code, 0);
  EXPECT_THAT(all.out, ::testing::StartsWith("warning: 2 of "));
  EXPECT_THAT(all.out, HasSubstr(" lists are past their NextUpdate at 2026-08-21T12:00:00Z (ETSI TS 119 612 "
                                 "§5.3.15) and are not used: NL, NO;"));
  EXPECT_LT(all.out.find("warning:"), all.out.find("ID "));
  auto json_rows = list("--json --territory BE 2>/dev/null");
  EXPECT_THAT(json_rows.out, HasSubstr("\"code\": \"lists-past-next-update\""));
}

TEST_F(ListFilters, CsvReadsBackWithPythonsCsvModule) {
  const fs::path csv = fs::temp_directory_path() / ("eutl-list-" + std::to_string(::getpid()) + ".csv");
  auto r = list("--csv --territory CZ,HU > '" + csv.string() + "' 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0);
  auto py = test::run_command(
      "python3 -c 'import csv,sys\n"
      "rows=list(csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\")))\n"
      "assert rows[0][:3]==[\"id\",\"territory\",\"tsp\"], rows[0]\n"
      "assert all(len(x)==11 for x in rows), [x for x in rows if len(x)!=11][:1]\n"
      "print(len(rows)-1, sorted({x[1] for x in rows[1:]}), any(\",\" in x[2] for x in rows[1:]))' '" +
      csv.string() + "' 2>&1");
  fs::remove(csv);
  EXPECT_EQ(py.exit_code, 0) << py.out;
  EXPECT_THAT(py.out, HasSubstr("['CZ', 'HU'] True"));  // a TSP name with a comma survived quoting
}

}  // namespace
}  // namespace eutl::cli
