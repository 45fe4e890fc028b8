// Which function registers which `eutl` command (cli/commands.h), so that a run of one
// command registers only that command: CLI11 builds every option of every command when
// it is registered, and doing so for all of them cost more instructions than a warm
// check's decision (3.2 M of 32.6 M, callgrind).
#pragma once

#include <string_view>

#include "cli/commands.h"

namespace eutl::cli {

using Registrar = void (*)(CLI::App& app, Runner& run);

// The function that registers the command `name` (with whatever else it registers);
// null for an unknown name, and for `help` and `completion`, which need every command.
Registrar registrar_of(std::string_view name);

// Every command, in the order `eutl --help` lists them.
void register_all(CLI::App& app, Runner& run);

}  // namespace eutl::cli
