// docs/schemas: every schema is a valid draft 2020-12 schema, every command that takes
// --json has one, and what each command prints on the generated fixtures matches it
// (the real 2023 and 2026 sets: json_schemas_realdata_test.cpp).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "tests/cli/product_cli_support.h"
#include "tests/docs/json_schema_check.h"
#include "tests/support/fixture_server.h"
#include "tests/support/https_server.h"

namespace eutl::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The subcommands `eutl [PATH] --help` lists under "SUBCOMMANDS:".
std::vector<std::string> subcommands(const std::string& path) {
  const auto r = run_command(cli() + " " + path + " --help 2>&1");
  std::vector<std::string> out;
  std::istringstream in(r.out);
  std::string line;
  bool in_list = false;
  const std::regex entry(R"(^  ([a-z][a-z0-9-]*)\s)");
  while (std::getline(in, line)) {
    if (line.rfind("SUBCOMMANDS:", 0) == 0 || line.rfind("Subcommands:", 0) == 0) {
      in_list = true;
      continue;
    }
    std::smatch m;
    if (in_list && std::regex_search(line, m, entry)) {
      out.push_back(m[1]);
    } else if (in_list && !line.empty() && line[0] != ' ') {
      in_list = false;
    }
  }
  return out;
}

// The command's options (not only its examples) include --json.
bool takes_json(const std::string& path) {
  const auto r = run_command(cli() + " " + path + " --help 2>&1");
  const std::regex option(R"((^|\n)\s+(-[a-zA-Z],)?--json\b)");
  return std::regex_search(r.out, option);
}

// "store list" -> "eutl-store-list/1"
std::string schema_id_of(const std::string& path) {
  std::string id = "eutl-" + path;
  std::replace(id.begin(), id.end(), ' ', '-');
  return id + "/1";
}

TEST(JsonSchemas, EverySchemaIsAValidDraft202012SchemaWhoseReferencesResolve) {
  const auto r = run_validator("--check-schemas " + shell_quote(schema_dir()));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_GE(schema_ids_on_disk().size(), 15u);
}

// validate_json.py --pairs (SchemaChecker::validate): one run checks each file against
// the schema before it, and one bad file among good ones fails the run, named.
TEST(JsonSchemas, PairsValidatesEachFileAgainstItsOwnSchema) {
  const fs::path dir = fs::temp_directory_path() / ("eutl-json-pairs-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto anchors = run_command(cli() + " anchors --json 2>/dev/null");
  ASSERT_EQ(anchors.exit_code, 0) << anchors.out;
  std::ofstream(dir / "good.json") << anchors.out;
  std::ofstream(dir / "bad.json") << R"({"schema": "eutl-anchors/1", "count": "three"})";
  const std::string schema = shell_quote(schema_file("eutl-anchors/1"));
  const std::string good = shell_quote(dir / "good.json");
  const std::string bad = shell_quote(dir / "bad.json");
  const auto both_good = run_validator("--pairs " + schema + " " + good + " " + schema + " " + good);
  const auto one_bad = run_validator("--pairs " + schema + " " + good + " " + schema + " " + bad);
  const auto odd = run_validator("--pairs " + schema);
  fs::remove_all(dir);
  EXPECT_EQ(both_good.exit_code, 0) << both_good.out;
  EXPECT_EQ(one_bad.exit_code, 1) << one_bad.out;
  EXPECT_NE(one_bad.out.find("bad.json"), std::string::npos) << one_bad.out;
  EXPECT_EQ(one_bad.out.find("good.json"), std::string::npos) << one_bad.out;
  EXPECT_EQ(odd.exit_code, 2) << odd.out;
  EXPECT_NE(odd.out.find("SCHEMA FILE pairs"), std::string::npos) << odd.out;
}

TEST(JsonSchemas, EveryCommandWithJsonOutputHasASchemaAndEverySchemaACommand) {
  const auto top = subcommands("");
  ASSERT_GE(top.size(), 10u) << run_command(cli() + " --help 2>&1").out;
  std::vector<std::string> paths;  // "show", "store list", ...: the commands that run
  for (const std::string& c : top) {
    const auto nested = subcommands(c);
    if (nested.empty()) {
      paths.push_back(c);
    }
    for (const std::string& n : nested) {
      paths.push_back(c + " " + n);
    }
  }
  std::set<std::string> with_json;
  for (const std::string& path : paths) {
    if (takes_json(path)) {
      with_json.insert(schema_id_of(path));
      EXPECT_TRUE(fs::exists(schema_file(schema_id_of(path))))
          << "eutl " << path << " takes --json but has no " << schema_file(schema_id_of(path));
    }
  }
  EXPECT_TRUE(with_json.count("eutl-store-list/1")) << "nested commands were not found";
  for (const std::string& id : schema_ids_on_disk()) {
    EXPECT_TRUE(with_json.count(id)) << schema_file(id) << " names no command that takes --json";
  }
}

// Every command's --json on the fixture lists (2025-03-01): fetch from the loopback
// server, import, then every reader of the store, and the commands that read files.
TEST(JsonSchemas, EveryCommandsOutputOnTheFixturesMatchesItsSchema) {
  if (!fs::exists(fixtures() / "lists/lotl.xml")) {
    GTEST_SKIP() << "fixtures not generated";
  }
  SchemaChecker check("fixtures");
  const fs::path f = fixtures();
  const std::string store = " --store " + shell_quote(check.dir() / "store");
  const std::string anchors = " --lotl-signers " + shell_quote(f / "pki/oj-anchors.pem");
  const std::string at = " --at 2025-03-01T00:00:00Z";

  HttpsServer server;
  ASSERT_EQ(serve_fixture_lists(server, f), 5);
  check.run("eutl-fetch/1", "fetch" + store + anchors + at + " --lotl-url " + kFixtureLotlUrl + " --cacert " +
                                shell_quote(server.ca_file()) + " --connect-to " + server.connect_to() +
                                " --timeout 2 --retries 0");
  const json imported = check.run("eutl-import/1", "import" + store + anchors + " --at 2025-03-02T00:00:00Z " +
                                                       shell_quote(f / "lists/lotl.xml") + " " +
                                                       shell_quote(f / "lists/pivot-101.xml") + " " +
                                                       shell_quote(f / "lists/tl-AA.xml"),
                                  {0, 1});  // BB and CC left out: missing
  ASSERT_TRUE(imported.is_object());
  EXPECT_EQ(imported["lotl"]["digest"], imported["lotl"]["in_use_digest"]);  // the deprecated spelling stays
  check.run("eutl-status/1", "status" + store + at, {0, 1});  // the import left BB and CC out
  const json snapshots = check.run("eutl-store-list/1", "store list" + store);
  ASSERT_EQ(snapshots["snapshots"].size(), 2u) << snapshots.dump(1);
  check.run("eutl-store-verify/1", "store verify" + store);
  check.run("eutl-diff/1", "diff " + snapshots["snapshots"][0]["id"].get<std::string>() + " current" + store);
  check.run("eutl-anchors/1", "anchors" + store);
  check.run("eutl-anchors/1", "anchors" + anchors);
  const json tsp = check.run("eutl-report-tsp/1", "report tsp AA/1/1" + store);
  EXPECT_EQ(tsp["tsp"]["territory"], "AA") << tsp.dump(1);
  const json pruned = check.run("eutl-store-prune/1", "store prune --keep 1 --dry-run" + store);
  EXPECT_EQ(pruned["dry_run"], true) << pruned.dump(1);

  const std::string lists = fixture_list_args();
  const json listed = check.run("eutl-list/1", "list" + lists);
  ASSERT_TRUE(listed.is_array() && !listed.empty());
  const json service = check.run("eutl-show-service/1", "show-service " + listed[0]["id"].get<std::string>() + lists);
  EXPECT_EQ(service["history"], service["timeline"]);
  check.run("eutl-export/1", "export --pem" + lists);
  check.run("eutl-show/1", "show " + shell_quote(f / "lists/lotl.xml"));
  check.run("eutl-show/1", "show " + shell_quote(f / "lists/tl-AA.xml"));
  const json verified = check.run("eutl-verify/1", "verify" + anchors + at + " " + shell_quote(f / "lists"), {0, 1});
  for (const auto& v : verified) {
    EXPECT_EQ(v["role"], v["kind"]) << v.dump(1);
    EXPECT_EQ(v["digest"], v["sha256"]) << v.dump(1);
  }

  // check: qualified with a claim, not qualified, indeterminate; an evidence record re-verified.
  const fs::path record = check.dir() / "record.json";
  const json qes = check.run("eutl-check/1", "check " + shell_quote(f / "certs/qes-natural.pem") +
                                                 " --for qes --snapshot current" + store + at + " --evidence " +
                                                 shell_quote(record));
  for (const auto& l : qes["lists"]) {
    EXPECT_EQ(l["role"], l["kind"]) << l.dump(1);
    EXPECT_EQ(l["result"], l["status"]) << l.dump(1);
    EXPECT_EQ(l["digest"], l["sha256"]) << l.dump(1);
  }
  EXPECT_EQ(qes["verdict"], "confirmed") << qes.dump(1);
  check.run("eutl-check/1", "check " + shell_quote(f / "certs/pkc-plain.pem") + lists, {1});
  check.run("eutl-check/1", "check " + shell_quote(f / "certs/lookalike.pem") + " --for qes" + lists, {3});
  const json same = check.run("eutl-evidence-verify/1", "evidence verify " + shell_quote(record) + store);
  EXPECT_EQ(same["outcome"], "same") << same.dump(1);

  // check-site against `openssl s_server` serving the fixture QWAC.
  OpenSslServer site(f / "certs/qwac.pem", f / "certs/qwac.key", f / "pki/ca-qwac-BB.pem", check.dir());
  ASSERT_NE(site.port(), 0);
  const json qwac = check.run("eutl-check-site/1", "check-site " + site.address() + " --for qwac --quiet --sni qwac.example.test" + lists);
  EXPECT_EQ(qwac["verdict"], "confirmed") << qwac.dump(1);

  EXPECT_EQ(check.validated(), schema_ids_on_disk()) << "a schema no command output was validated against";
}

}  // namespace
}  // namespace eutl::test
