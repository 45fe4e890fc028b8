// The OpenAPI 3.1 document of the /v1 API and the operations routes (docs/openapi.json,
// compiled in at build time by CMakeLists.txt from server/api/openapi_document.cpp.in).
#pragma once

#include <string_view>

namespace eutl::server {

[[nodiscard]] std::string_view openapi_document();

}  // namespace eutl::server
