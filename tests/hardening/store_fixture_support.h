// A store imported from the generated fixtures, for the store CLI and hardening tests.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/test_paths.h"

namespace eutl::test {

class FixtureStore {
 public:
  explicit FixtureStore(const std::string& name)
      : m_dir(std::filesystem::temp_directory_path() / ("eutl-fstore-" + std::to_string(::getpid()) + "-" + name)) {
    std::filesystem::remove_all(m_dir);
    std::filesystem::create_directories(m_dir);
  }
  ~FixtureStore() {
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
  }
  FixtureStore(const FixtureStore&) = delete;
  FixtureStore& operator=(const FixtureStore&) = delete;

  std::filesystem::path store() const { return m_dir / "store"; }
  const std::filesystem::path& dir() const { return m_dir; }

  static std::vector<std::string> base_set() {
    return {"lists/pivot-101.xml", "lists/lotl.xml", "lists/tl-AA.xml", "lists/tl-BB.xml"};
  }
  static std::vector<std::string> larger_set() {
    auto s = base_set();
    s.push_back("lists/tl-CC.xml");
    return s;
  }

  std::string import_command(const std::vector<std::string>& files) const {
    std::string cmd = cli() + " import --store " + shell_quote(store()) + " --lotl-signers " +
                      shell_quote(fixtures() / "pki/oj-anchors.pem") + " --at 2025-03-01T00:00:00Z";
    for (const auto& f : files) {
      cmd += " " + shell_quote(fixtures() / f);
    }
    return cmd;
  }
  CommandResult import(const std::vector<std::string>& files) const {
    return run_command(import_command(files) + " 2>&1");
  }
  std::string check_command(const std::string& extra = "") const {
    return cli() + " check " + shell_quote(fixtures() / "certs/qes-natural.pem") + " --for qes --store " +
           shell_quote(store()) + " --at 2025-03-01T00:00:00Z " + extra;
  }
  CommandResult check(const std::string& extra = "") const { return run_command(check_command(extra) + " 2>&1"); }
  CommandResult store_verify(const std::string& extra = "") const {
    return run_command(cli() + " store verify --store " + shell_quote(store()) + " " + extra + " 2>&1");
  }
  CommandResult prune(int keep) const {
    return run_command(cli() + " store prune --keep " + std::to_string(keep) + " --store " + shell_quote(store()) +
                       " 2>&1");
  }

 private:
  std::filesystem::path m_dir;
};

}  // namespace eutl::test
