// Runs eutl commands with --json and validates what they print against the schemas in
// docs/schemas (docs/json.md) with tests/docs/validate_json.py (python3-jsonschema).
// Used by json_schemas_test.cpp (fixtures) and json_schemas_realdata_test.cpp.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/test_paths.h"

namespace eutl::test {

inline std::filesystem::path schema_dir() { return source_dir() / "docs/schemas"; }

// "eutl-check-site/1" -> docs/schemas/eutl-check-site-1.schema.json
inline std::filesystem::path schema_file(const std::string& id) {
  std::string name = id;
  if (const auto slash = name.rfind('/'); slash != std::string::npos) {
    name[slash] = '-';
  }
  return schema_dir() / (name + ".schema.json");
}

// The schema ids of the command schemas on disk.
inline std::set<std::string> schema_ids_on_disk() {
  std::set<std::string> out;
  constexpr std::string_view kSuffix = ".schema.json";
  for (const auto& e : std::filesystem::directory_iterator(schema_dir())) {
    std::string name = e.path().filename().string();
    if (!name.ends_with(kSuffix)) {
      continue;
    }
    name.resize(name.size() - kSuffix.size());
    // Only "eutl-NAME-VERSION" names a command's output; eutl-common holds shared
    // definitions and eutl-error the error answers of eutl serve (docs/openapi.json).
    const auto last = name.find_last_not_of("0123456789");
    if (last == std::string::npos || last + 1 == name.size() || name[last] != '-') {
      continue;
    }
    if (const auto dash = name.rfind('-'); dash != std::string::npos) {
      name[dash] = '/';
    }
    out.insert(name);
  }
  return out;
}

// `python3 tests/docs/validate_json.py ARGS`, stderr with stdout.
inline CommandResult run_validator(const std::string& args) {
  return run_command("python3 " + shell_quote(source_dir() / "tests/docs/validate_json.py") + " " + args + " 2>&1");
}

class SchemaChecker final {
 public:
  explicit SchemaChecker(const std::string& name)
      : m_dir(std::filesystem::temp_directory_path() / ("eutl-json-schemas-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(m_dir);
    std::filesystem::create_directories(m_dir);
  }
  // Validates what is still pending (validate()) before the outputs are removed.
  ~SchemaChecker() {
    validate();
    std::filesystem::remove_all(m_dir);
  }
  SchemaChecker(const SchemaChecker&) = delete;
  SchemaChecker& operator=(const SchemaChecker&) = delete;

  const std::filesystem::path& dir() const { return m_dir; }
  const std::set<std::string>& validated() const { return m_validated; }

  // Runs `eutl ARGS --json` (the exit code must be one of `exits`), checks that every
  // top-level object names `schema_id` in "schema", and queues the output for
  // validation against that schema (validate(), at the latest when the checker goes).
  // Returns the output (null when it is not JSON).
  nlohmann::json run(const std::string& schema_id, const std::string& args, std::initializer_list<int> exits = {0}) {
    const std::filesystem::path out = m_dir / ("out-" + std::to_string(++m_runs) + ".json");
    const std::filesystem::path err = m_dir / ("err-" + std::to_string(m_runs) + ".txt");
    const auto r = run_command(cli() + " " + args + " --json >" + shell_quote(out) + " 2>" + shell_quote(err));
    const std::string text = read(out);
    EXPECT_NE(std::set<int>(exits).count(r.exit_code), 0u)
        << "eutl " << args << " exited " << r.exit_code << "\n" << read(err).substr(0, 2000);
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) {
      ADD_FAILURE() << "eutl " << args << " --json printed no JSON:\n" << text.substr(0, 500) << read(err).substr(0, 1000);
      return nullptr;
    }
    if (j.is_array()) {
      EXPECT_FALSE(j.empty()) << "eutl " << args << ": an empty array proves nothing";
      for (const auto& e : j) {
        EXPECT_EQ(e.value("schema", ""), schema_id) << "eutl " << args;
      }
    } else {
      EXPECT_EQ(j.value("schema", ""), schema_id) << "eutl " << args;
    }
    m_pending.push_back(Pending{schema_file(schema_id), out, args});
    m_validated.insert(schema_id);
    return j;
  }

  // Validates every queued output against its schema in one validator run (Python
  // starts once, not once per command); a mismatch names the commands it covers.
  void validate() {
    if (m_pending.empty()) {
      return;
    }
    std::string pairs;
    std::string commands;
    for (const Pending& p : m_pending) {
      pairs += " " + shell_quote(p.schema) + " " + shell_quote(p.out);
      commands += "  " + p.out.filename().string() + " (" + p.schema.filename().string() + "): eutl " + p.args + " --json\n";
    }
    m_pending.clear();
    const auto v = run_validator("--pairs" + pairs);
    EXPECT_EQ(v.exit_code, 0) << "some --json output does not match its schema:\n" << v.out << "\nthe outputs:\n"
                              << commands;
  }

 private:
  static std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  struct Pending {
    std::filesystem::path schema;
    std::filesystem::path out;
    std::string args;
  };
  std::filesystem::path m_dir;
  int m_runs = 0;
  std::vector<Pending> m_pending;
  std::set<std::string> m_validated;
};

}  // namespace eutl::test
