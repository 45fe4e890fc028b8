// The `eutl` command line: subcommands live in cmd_*.cpp, one per file.
#include <openssl/crypto.h>
#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <string_view>

#include "cli/command_names.h"
#include "cli/command_table.h"
#include "cli/commands.h"
#include "cli/heap_tuning.h"
#include "eutl/library.h"
#include "eutl/tsl/xml_document.h"

namespace eutl::cli {

void print_error(const std::string& message) { std::cerr << "eutl: " << message << '\n'; }

namespace {

// Last resort for an exception thrown where no handler exists (a destructor, a
// noexcept function, another thread): one line on stderr and exit 4, never abort().
// Only async-signal-safe-ish calls: the heap or iostreams may be what failed.
[[noreturn]] void on_terminate() noexcept {
  static constexpr char kPrefix[] = "eutl: internal error: ";
  std::string what = "unexpected termination";
  if (std::exception_ptr e = std::current_exception()) {
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      what = ex.what();
    } catch (...) {
      what = "unknown exception";
    }
  }
  (void)!::write(STDERR_FILENO, kPrefix, sizeof kPrefix - 1);
  (void)!::write(STDERR_FILENO, what.data(), what.size());
  (void)!::write(STDERR_FILENO, "\n", 1);
  std::_Exit(kExitCouldNotRun);
}

int internal_error(const char* what) {
  std::cout.flush();
  print_error(std::string("internal error: ") + what);
  return kExitCouldNotRun;
}

int run_main(int argc, char** argv) {
  if (argc < 2 || std::string_view(argv[1]) != "serve") {
    keep_freed_memory();  // one command, then exit: freed memory is reused (cli/heap_tuning.h)
  } else {
    keep_serving_memory();  // a long-running server: bounded, but no trim-and-fault per request
  }
  eutl::LibraryGuard guard;
  CLI::App app{"eutl: is this certificate an EU qualified certificate? Fetches, verifies and indexes the EU "
               "trusted lists (ETSI TS 119 612) and decides, with evidence (ETSI TS 119 615).",
               "eutl"};
  app.set_version_flag("--version", std::string("eutl ") + EUTL_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 yes/valid, 1 no/invalid, 2 usage or input error, 3 indeterminate,\n"
             "4 could not run (I/O error, store busy, network unreachable, internal error).\n"
             "Input files are read only if they are regular files, up to 1 MiB for a certificate,\n"
             "chain or --lotl-signers file, 16 MiB for an evidence record, 64 MiB for a list.\n"
             "Run 'eutl COMMAND --help' for a command's options and examples.");
  Runner run;
  // `eutl COMMAND …` needs COMMAND alone and `eutl --version` none; anything else (no
  // command, another option first, an unknown name, help, completion) gets them all.
  const std::string_view first = argc >= 2 ? std::string_view(argv[1]) : std::string_view();
  if (argc == 2 && first == "--version") {
    // no command to register
  } else if (const Registrar only = registrar_of(first); only != nullptr) {
    only(app, run);
  } else {
    register_all(app, run);
  }
  if (argc < 2) {
    std::cerr << app.help();
    print_error("a command is required ('eutl help COMMAND' shows one command's options)");
    return kExitUsage;
  }
  if (auto unknown = unknown_first_command(app, argc, argv)) {
    print_error(unknown_command_message(app, {*unknown}));
    return kExitUsage;
  }
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
    return kExitUsage;
  }
  if (!run) {
    return kExitUsage;
  }
  // One command, then the process ends: std::exit runs the static destructors and
  // flushes the streams but does not unwind this frame, so what it still holds (the
  // command's options and the result a command keeps there, the library's state) is
  // reclaimed with the process instead of being freed block by block first. A
  // verified 2023 set is ~100,000 heap blocks: freeing them (~vector<VerifiedList>)
  // was 2.3% of the CPU of an `eutl verify`. Leak checkers see it all as still
  // reachable from this frame.
  std::exit(run());
}

}  // namespace
}  // namespace eutl::cli

int main(int argc, char** argv) {
  std::set_terminate(eutl::cli::on_terminate);
  // Before any other OpenSSL call: no OPENSSL_cleanup() at exit. Freeing OpenSSL's
  // provider and algorithm tables was ~1 M of the ~25 M instructions of a warm
  // `eutl check` (callgrind); the process ends right after, as above.
  ::OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr);
  // Before any thread parses: each document's tree in memory of its own, reused by
  // the next (include/eutl/tsl/xml_document.h). Without it, libxml2 uses malloc.
  (void)eutl::tsl::use_document_arenas();
  try {
    return eutl::cli::run_main(argc, argv);
  } catch (const std::bad_alloc&) {
    return eutl::cli::internal_error("out of memory");
  } catch (const std::exception& e) {
    return eutl::cli::internal_error(e.what());
  } catch (...) {
    return eutl::cli::internal_error("unknown exception");
  }
}
