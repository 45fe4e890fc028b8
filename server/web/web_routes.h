// The web page: GET / (check form, with and without JavaScript), the status page,
// the service browser and their static assets, all compiled into the binary.
#pragma once

#include <vector>

#include "server/route.h"

namespace eutl::server {

[[nodiscard]] std::vector<Route> web_routes();

}  // namespace eutl::server
