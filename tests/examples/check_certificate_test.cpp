// examples/check_certificate.cpp built against the INSTALLED library: `cmake
// --install` of this build into a temporary prefix, then a separate CMake project
// that only does find_package(eutl), then the program checks fixture certificates.
#include <gtest/gtest.h>

#include "tests/cli/product_cli_support.h"

namespace eutl::test {
namespace {

TEST(Example, BuildsAgainstTheInstalledLibraryAndChecksAFixtureCertificate) {
  const auto build = fixtures().parent_path();  // EUTL_FIXTURES_DIR is <build>/fixtures
  const auto scratch = make_scratch("example");
  const auto prefix = scratch / "prefix";
  auto install = run_command("cmake --install '" + build.string() + "' --prefix '" + prefix.string() + "' 2>&1");
  ASSERT_EQ(install.exit_code, 0) << install.out;
  ASSERT_TRUE(std::filesystem::exists(prefix / "include/eutl/eutl.h"));

  // A sanitizer build (scripts/sanitize.sh) installs instrumented libraries: the
  // consumer must link the sanitizer runtimes too.
  const bool sanitized = read_all(build / "CMakeCache.txt").find("EUTL_SANITIZE:BOOL=ON") != std::string::npos;
  const std::string flags =
      sanitized ? " -DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined"
                : "";
  auto configure = run_command("cmake -S '" + (source_dir() / "examples").string() + "' -B '" +
                               (scratch / "build").string() + "' -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH='" +
                               prefix.string() + "'" + flags + " 2>&1");
  ASSERT_EQ(configure.exit_code, 0) << configure.out;
  auto compile = run_command("cmake --build '" + (scratch / "build").string() + "' 2>&1");
  ASSERT_EQ(compile.exit_code, 0) << compile.out;

  const auto f = fixtures();
  const std::string program = (scratch / "build/check_certificate").string();
  const std::string lists =
      " --lists " + (f / "lists").string() + " --lotl-signers " + (f / "pki/oj-anchors.pem").string();
  auto qwac = run_command(program + " " + (f / "certs/qwac.pem").string() + " qwac 2025-03-01" + lists + " 2>&1");
  EXPECT_EQ(qwac.exit_code, 0) << qwac.out;
  EXPECT_NE(qwac.out.find("qwac: confirmed"), std::string::npos) << qwac.out;
  // MANIFEST: qes-natural is a QCert-ESig-QSCD, so it is not a QWAC but is a QES.
  auto not_qwac = run_command(program + " " + (f / "certs/qes-natural.pem").string() + " qwac 2025-03-01" + lists);
  EXPECT_EQ(not_qwac.exit_code, 1) << not_qwac.out;
  auto qes = run_command(program + " " + (f / "certs/qes-natural.pem").string() + " qes 2025-03-01" + lists);
  EXPECT_EQ(qes.exit_code, 0) << qes.out;
  std::filesystem::remove_all(scratch);
}

}  // namespace
}  // namespace eutl::test
