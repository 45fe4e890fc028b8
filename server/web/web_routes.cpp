#include "server/web/web_routes.h"

#include "server/web/check_page.h"
#include "server/web/services_page.h"
#include "server/web/static_page.h"
#include "server/web/status_page.h"

namespace eutl::server {

std::vector<Route> web_routes() {
  return {
      Route{Method::kGet, "/", web::check_form_page},
      Route{Method::kPost, "/check", web::check_post},
      Route{Method::kGet, "/status", web::status_page},
      Route{Method::kGet, "/services", web::services_page},
      Route{Method::kGet, "/static/{name}", web::static_asset},
      // Browsers ask for it on pages without an icon link (the evidence report).
      Route{Method::kGet, "/favicon.ico", web::favicon},
  };
}

}  // namespace eutl::server
