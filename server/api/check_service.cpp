#include "server/api/check_service.h"

namespace eutl::server {

// Filled in by the API routes.
Result<CheckOutput> run_check(const CheckInput&, const RequestContext&) {
  return Error(Errc::kInternal, "not implemented yet");
}

}  // namespace eutl::server
