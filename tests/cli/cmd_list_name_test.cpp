// `eutl list --name TEXT`: provider names, trade names and service names in every
// language of the list, case and accents ignored (cli/name_fold.h); `--tsp` is the old
// spelling (hidden, with a note on stderr). On the fixture lists (the second language
// of each name comes from fixtures/generate.sh) and on the real 2026 EU set.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/cli/product_cli_support.h"
#include "tests/support/cli_stores.h"

namespace eutl::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::HasSubstr;

json fixture_list(const std::string& extra) {
  auto r = run_command(cli() + " list --json --quiet" + fixture_list_args() + " " + extra + " 2>/dev/null");
  return json::parse(r.out, nullptr, false);
}

std::set<std::string> ids(const json& rows) {
  std::set<std::string> out;
  for (const auto& r : rows) {
    out.insert(r["id"].get<std::string>());
  }
  return out;
}

TEST(CliListName, FindsServiceNamesInAnyLanguageWithoutAccents) {
  // "Beta AC qualifiée pour sites web" is the French ServiceName only.
  json fr = fixture_list("--name 'QUALIFIEE POUR SITES'");
  ASSERT_TRUE(fr.is_array());
  ASSERT_EQ(fr.size(), 1u);
  EXPECT_EQ(fr[0]["territory"], "BB");
  EXPECT_EQ(fr[0]["service_name"], "Beta Qualified Website CA");
  EXPECT_EQ(ids(fixture_list("--name 'qualifiée pour sites'")), ids(fr));
  // A German service name only ("Alpha Qualifizierter Zeitstempeldienst 1").
  json de = fixture_list("--name zeitstempeldienst");
  ASSERT_EQ(de.size(), 1u);
  EXPECT_EQ(de[0]["service_name"], "Alpha Qualified TSU 1");
}

TEST(CliListName, FindsProviderNamesInAnyLanguage) {
  // "Alpha Vertrauensdienste" is the German TSPName of "Alpha Trust Services".
  json de = fixture_list("--name VERTRAUENSDIENSTE");
  ASSERT_TRUE(de.is_array());
  ASSERT_FALSE(de.empty());
  for (const auto& s : de) {
    EXPECT_EQ(s["tsp"], "Alpha Trust Services");
  }
  EXPECT_EQ(ids(de), ids(fixture_list("--name 'alpha trust services'")));
}

TEST(CliListName, TspIsAHiddenOldSpellingOfName) {
  auto old = run_command(cli() + " list --json" + fixture_list_args() + " --tsp vertrauensdienste 2>&1 >/dev/null");
  EXPECT_EQ(old.exit_code, 0);
  EXPECT_THAT(old.out, HasSubstr("eutl: --tsp is an old spelling of --name"));
  EXPECT_EQ(ids(fixture_list("--tsp vertrauensdienste")), ids(fixture_list("--name vertrauensdienste")));
  auto help = run_command(cli() + " list --help");
  EXPECT_THAT(help.out, HasSubstr("--name"));
  EXPECT_THAT(help.out, ::testing::Not(HasSubstr("--tsp")));
}

// The real 2026 set, imported once for this suite.
class ListNameRealData : public Real2026StoreTest {
 protected:
  static json list(const std::string& args) { return list_json(args); }
};

TEST_F(ListNameRealData, AccentedHungarianNameTypedWithoutAccents) {
  // HU: "Microsec Számítástechnikai Fejlesztő zártkörűen működő Részvénytársaság" is the
  // Hungarian TSPName; the English one ("Microsec Micro Software Engineering …") has no
  // such word.
  json plain = list("--name szamitastechnikai");
  ASSERT_TRUE(plain.is_array());
  ASSERT_FALSE(plain.empty());
  for (const auto& s : plain) {
    EXPECT_EQ(s["territory"], "HU");
    EXPECT_THAT(s["tsp"].get<std::string>(), HasSubstr("Microsec"));
  }
  EXPECT_EQ(ids(list("--name SZÁMÍTÁSTECHNIKAI")), ids(plain));  // accents, other case
  EXPECT_EQ(ids(list("--name 'Számítástechnikai Fejlesztő'")), ids(plain));
}

TEST_F(ListNameRealData, ServiceNamesWithLatinExtendedLetters) {
  // "Minősített …" (ő is U+0151, Latin Extended-A) in HU service names, both languages.
  json plain = list("--name 'MINOSITETT KOZIGAZGATASI'");
  ASSERT_TRUE(plain.is_array());
  ASSERT_FALSE(plain.empty());
  for (const auto& s : plain) {
    EXPECT_EQ(s["territory"], "HU");
  }
  EXPECT_EQ(ids(list("--name 'minősített közigazgatási'")), ids(plain));  // the reverse: accents typed
  // Both spellings the list itself uses: "NetLock Minositett Kozigazgatasi …" and
  // "NetLock Minősített Közigazgatási (Class Q) …".
  std::set<std::string> names;
  for (const auto& s : plain) {
    names.insert(s["service_name"].get<std::string>());
  }
  EXPECT_TRUE(names.count("NetLock Minositett Kozigazgatasi Tanusitvanykiado") == 1);
  EXPECT_TRUE(names.count("NetLock Minősített Közigazgatási (Class Q) Tanúsítványkiadó") == 1);
}

}  // namespace
}  // namespace eutl::test
