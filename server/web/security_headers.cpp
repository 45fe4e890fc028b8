#include "server/web/security_headers.h"

#include <string>
#include <utility>

namespace eutl::server::web {

void add_page_headers(Response& response) {
  response.headers.emplace_back("Content-Security-Policy", std::string(kContentSecurityPolicy));
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
}

Response html_page(std::string body, int status) {
  Response response;
  response.status = status;
  response.content_type = "text/html; charset=utf-8";
  response.body = std::move(body);
  response.headers.emplace_back("Cache-Control", "no-store");
  add_page_headers(response);
  return response;
}

}  // namespace eutl::server::web
