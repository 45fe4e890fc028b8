// Each `eutl` subcommand registers itself on the CLI11 app and leaves a runner that
// main() calls after parsing. Runners return the process exit code.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

#include "cli/exit_codes.h"

namespace eutl::cli {

// Stable exit codes (README "Exit codes") and exit_code_for(Error).

using Runner = std::function<int()>;

// One per cmd_*.cpp file.
void register_show(CLI::App& app, Runner& run);      // cmd_show.cpp
void register_verify(CLI::App& app, Runner& run);    // cmd_verify.cpp
void register_check(CLI::App& app, Runner& run);     // cmd_check.cpp
void register_store(CLI::App& app, Runner& run);     // cmd_store.cpp: fetch, import, status, store prune
void register_evidence(CLI::App& app, Runner& run);  // cmd_evidence.cpp: evidence verify|bundle|report
void register_diff(CLI::App& app, Runner& run);      // cmd_diff.cpp: diff SNAP_A SNAP_B
void register_list(CLI::App& app, Runner& run);        // cmd_list.cpp: list, show-service
void register_export(CLI::App& app, Runner& run);      // cmd_export.cpp: export --pem
void register_check_site(CLI::App& app, Runner& run);  // cmd_check_site.cpp: check-site HOST[:PORT]
void register_anchors(CLI::App& app, Runner& run);     // cmd_anchors.cpp: anchors
void register_store_list(CLI::App& store, Runner& run);  // cmd_store_list.cpp: store list
void register_report(CLI::App& app, Runner& run);      // cmd_report.cpp: report tsp
void register_help(CLI::App& app, Runner& run);        // cmd_help.cpp: help [COMMAND]
void register_completion(CLI::App& app, Runner& run);  // cmd_completion.cpp: completion bash|zsh
void register_serve(CLI::App& app, Runner& run);       // cmd_serve.cpp: serve

// Prints "eutl: <message>" on stderr.
void print_error(const std::string& message);

}  // namespace eutl::cli
