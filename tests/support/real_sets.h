// Importing the real EU sets of ../shared/realdata into a store, as several CLI tests
// do: 2023 (LOTL 332 with pivots 282 and 300, the 2019 Official Journal anchors, at
// 2023-10-28) and 2026 (LOTL 390 with every pivot, the bundled anchors, at
// 2026-08-21T12:00:00Z). See realdata MANIFEST.md and MANIFEST-2026.md.
#pragma once

#include <filesystem>
#include <string>

#include "tests/test_paths.h"

namespace eutl::test {

inline std::string quoted(const std::filesystem::path& p) { return " '" + p.string() + "'"; }

inline CommandResult import_real_2023(const std::filesystem::path& store) {
  const std::filesystem::path r = realdata();
  return run_command(cli() + " import --store" + quoted(store) + " --at 2023-10-28T00:00:00Z --lotl-signers" +
                     quoted(r / "oj/oj-C276-2019-lotl-signers.pem") + quoted(r / "lotl/eu-lotl-seq332-2023-09-27.xml") +
                     quoted(r / "lotl/pivots/eu-lotl-pivot-282.xml") + quoted(r / "lotl/pivots/eu-lotl-pivot-300.xml") +
                     quoted(r / "tl/2023") + " 2>&1");
}

inline CommandResult import_real_2026(const std::filesystem::path& store) {
  const std::filesystem::path r = realdata();
  return run_command(cli() + " import --store" + quoted(store) + " --at 2026-08-21T12:00:00Z" +
                     quoted(r / "lotl/eu-lotl-seq390-2026-08-03.xml") + quoted(r / "lotl/pivots") +
                     quoted(r / "tl/2026") + " 2>&1");
}

}  // namespace eutl::test
