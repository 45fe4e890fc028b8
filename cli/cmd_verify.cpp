// eutl verify: placeholder registration until the trust issue lands.
#include "cli/commands.h"

namespace eutl::cli {
void register_verify(CLI::App&, Runner&) {}
}  // namespace eutl::cli
