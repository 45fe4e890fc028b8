// eutl show-service ID: registered with `eutl list` (cli/cmd_list.cpp), one file each.
#pragma once

#include "cli/commands.h"

namespace eutl::cli {
void register_show_service(CLI::App& app, Runner& run);
}  // namespace eutl::cli
