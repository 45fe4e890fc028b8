#include "server/http_message.h"

#include <nlohmann/json.hpp>

namespace eutl::server {

Response json_error(int status, std::string_view code, std::string_view message) {
  nlohmann::ordered_json body;
  body["schema"] = "eutl-error/1";
  body["error"] = {{"code", std::string(code)}, {"message", std::string(message)}};
  Response response;
  response.status = status;
  response.body = body.dump() + "\n";
  return response;
}

Response json_response(std::string body, int status) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

Response json_response(std::shared_ptr<const std::string> body, int status) {
  Response response;
  response.status = status;
  response.shared_body = std::move(body);
  return response;
}

}  // namespace eutl::server
