// The `eutl` command line: subcommands live in cmd_*.cpp, one per file.
#include <iostream>

#include "cli/commands.h"
#include "eutl/library.h"

namespace eutl::cli {
void print_error(const std::string& message) { std::cerr << "eutl: " << message << '\n'; }
}  // namespace eutl::cli

int main(int argc, char** argv) {
  eutl::LibraryGuard guard;
  CLI::App app{"eutl: is this certificate an EU qualified certificate? Fetches, verifies and indexes the EU "
               "trusted lists (ETSI TS 119 612) and decides, with evidence (ETSI TS 119 615).",
               "eutl"};
  app.set_version_flag("--version", std::string("eutl ") + EUTL_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 yes/valid, 1 no/invalid, 2 usage or input error, 3 indeterminate.\n"
             "Run 'eutl COMMAND --help' for a command's options and examples.");
  eutl::cli::Runner run;
  eutl::cli::register_show(app, run);
  eutl::cli::register_verify(app, run);
  eutl::cli::register_check(app, run);
  eutl::cli::register_store(app, run);
  eutl::cli::register_evidence(app, run);
  eutl::cli::register_diff(app, run);
  eutl::cli::register_list(app, run);
  eutl::cli::register_export(app, run);
  eutl::cli::register_check_site(app, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return eutl::cli::kExitUsage;
  }
  if (!run) {
    return eutl::cli::kExitUsage;
  }
  return run();
}
