#include "server/api/api_routes.h"

namespace eutl::server {

// Filled in by the API routes.
std::vector<Route> api_routes() { return {}; }

}  // namespace eutl::server
