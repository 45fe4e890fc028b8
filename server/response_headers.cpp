#include "server/response_headers.h"

#include <algorithm>
#include <cctype>

namespace eutl::server {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

const std::string* find_header(const Response& response, std::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (iequals(key, name)) {
      return &value;
    }
  }
  return nullptr;
}

void add_security_headers(Response& response) {
  if (find_header(response, "X-Content-Type-Options") == nullptr) {
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  }
  if (response.content_type.rfind("text/html", 0) == 0) {
    if (find_header(response, "Content-Security-Policy") == nullptr) {
      response.headers.emplace_back("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
    }
    if (find_header(response, "X-Frame-Options") == nullptr) {
      response.headers.emplace_back("X-Frame-Options", "DENY");
    }
  }
  if (find_header(response, "Cache-Control") == nullptr) {
    response.headers.emplace_back("Cache-Control", "no-store");
  }
}

}  // namespace eutl::server
