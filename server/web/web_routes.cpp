#include "server/web/web_routes.h"

namespace eutl::server {

// Filled in by the web page.
std::vector<Route> web_routes() { return {}; }

}  // namespace eutl::server
