// The generated fixture lists (fixtures/generate.sh → <build>/fixtures/lists) served
// by the loopback HTTPS server at the paths their pointers name: every URL in the
// fixtures is https://127.0.0.1/<file name>, and FetchOptions::connect_to (or
// `eutl fetch --connect-to`) sends 127.0.0.1:443 to the server's ephemeral port.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "tests/support/https_server.h"
#include "tests/support/text_file.h"

namespace eutl::test {

inline constexpr const char* kFixtureLotlUrl = "https://127.0.0.1/lotl.xml";
// The fixture lists are issued 2025-01-01 with NextUpdate 2025-07-01.
inline constexpr const char* kFixtureAt = "2025-03-01T00:00:00Z";
inline constexpr const char* kFixtureTerritories[] = {"AA", "BB", "CC"};

// "/tl-AA.xml" for a territory code.
inline std::string fixture_list_path(const std::string& territory) { return "/tl-" + territory + ".xml"; }

// Routes every lists/*.xml of `fixtures` at "/<file name>"; returns how many.
inline int serve_fixture_lists(HttpsServer& server, const std::filesystem::path& fixtures) {
  int n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(fixtures / "lists")) {
    if (entry.path().extension() == ".xml") {
      server.set_route("/" + entry.path().filename().string(), {read_text(entry.path()), Fault::kNone});
      ++n;
    }
  }
  return n;
}

// Sequence numbers as MANIFEST.txt states them (written by the generator, not by us):
// "lists/tl-AA.xml  TL v5  valid: seq 7, …" → {"AA", 7}; the LOTL under "EU".
inline std::map<std::string, std::uint64_t> manifest_sequences(const std::filesystem::path& fixtures) {
  std::map<std::string, std::uint64_t> out;
  std::istringstream in(read_text(fixtures / "MANIFEST.txt"));
  const std::regex tl(R"(^lists/tl-([A-Z]{2})\.xml\s.*\bseq ([0-9]+))");
  const std::regex lotl(R"(^lists/lotl\.xml\s.*\bseq ([0-9]+))");
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_search(line, m, tl)) {
      out[m[1]] = std::stoull(m[2]);
    } else if (std::regex_search(line, m, lotl)) {
      out["EU"] = std::stoull(m[1]);
    }
  }
  return out;
}

}  // namespace eutl::test
