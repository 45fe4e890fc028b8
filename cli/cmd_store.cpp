// Placeholder registration until its issue lands.
#include "cli/commands.h"

namespace eutl::cli {
void register_store(CLI::App&, Runner&) {}
}  // namespace eutl::cli
