// The PDF of an evidence report through headless Chromium (see evidence_pdf.h).
#include "cli/evidence_pdf.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "eutl/tsl/write_file.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;

// The first executable named `name` on PATH; empty when there is none.
fs::path on_path(std::string_view name) {
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "";
  while (!rest.empty()) {
    const auto colon = rest.find(':');
    const std::string_view dir = rest.substr(0, colon);
    rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    const fs::path candidate = fs::path(dir.empty() ? "." : std::string(dir)) / std::string(name);
    if (::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
  }
  return {};
}

// Runs argv (no shell), its output discarded; the exit status, or -1.
int run(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) {
    args.push_back(const_cast<char*>(a.c_str()));  // execv takes char* const[]; the strings outlive the call
  }
  args.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) {
    return -1;
  }
  if (pid == 0) {
    if (std::FILE* null = std::freopen("/dev/null", "w", stdout)) {
      (void)null;
    }
    if (std::FILE* null = std::freopen("/dev/null", "w", stderr)) {
      (void)null;
    }
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  if (::waitpid(pid, &status, 0) < 0) {
    return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

constexpr std::string_view kHowElse =
    "install chromium (scripts/install-deps.sh), or write the HTML with -o, open it in a browser and print it to "
    "PDF (the report has a print stylesheet)";

}  // namespace

int write_evidence_pdf(const std::string& html, const std::string& html_out, const std::string& pdf_out) {
  if (!html_out.empty() && html_out != "-") {
    if (auto written = tsl::write_file(html_out, html); !written) {
      print_error(written.error().message);
      return exit_code_for(written.error());
    }
  }
  const fs::path chromium = on_path("chromium");
  if (chromium.empty()) {
    print_error("--pdf: no PDF written: chromium is not on PATH; " + std::string(kHowElse));
    return kExitCouldNotRun;
  }
  std::error_code ec;
  const fs::path work = fs::temp_directory_path(ec) / ("eutl-pdf-" + std::to_string(::getpid()));
  fs::remove_all(work, ec);
  fs::create_directories(work / "profile", ec);
  const fs::path page = work / "report.html";
  if (auto written = tsl::write_file(page, html); !written) {
    print_error(written.error().message);
    return exit_code_for(written.error());
  }
  const fs::path pdf = fs::absolute(pdf_out, ec);
  fs::remove(pdf, ec);
  const int status = run({chromium.string(), "--headless", "--no-sandbox", "--disable-gpu",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          "--no-first-run", "--no-pdf-header-footer", "--user-data-dir=" + (work / "profile").string(),
                          "--print-to-pdf=" + pdf.string(), "file://" + page.string()});
  fs::remove_all(work, ec);
  if (status != 0 || !fs::exists(pdf, ec) || fs::file_size(pdf, ec) == 0) {
    print_error("--pdf: chromium did not print " + pdf_out + " (exit " + std::to_string(status) + "); " +
                std::string(kHowElse));
    return kExitCouldNotRun;
  }
  return kExitYes;
}

}  // namespace eutl::cli
