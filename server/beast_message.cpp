#include "server/beast_message.h"

#include <algorithm>
#include <cctype>

namespace eutl::server::detail {
namespace http = boost::beast::http;

namespace {

Method method_of(http::verb verb) {
  switch (verb) {
    case http::verb::get:
      return Method::kGet;
    case http::verb::head:
      return Method::kHead;
    case http::verb::post:
      return Method::kPost;
    default:
      return Method::kOther;
  }
}

// "Application/JSON; charset=utf-8" → "application/json".
std::string media_type(std::string_view content_type) {
  std::string out(content_type.substr(0, content_type.find(';')));
  const auto not_space = [](unsigned char c) { return std::isspace(c) == 0; };
  out.erase(out.begin(), std::find_if(out.begin(), out.end(), not_space));
  out.erase(std::find_if(out.rbegin(), out.rend(), not_space).base(), out.end());
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

Request from_beast(BeastRequest&& request, std::string remote) {
  Request out;
  out.method = method_of(request.method());
  out.target = std::string(request.target());
  const auto content_type = request[http::field::content_type];
  out.content_type = media_type(std::string_view(content_type.data(), content_type.size()));
  out.accept = std::string(request[http::field::accept]);
  out.body = std::move(request.body());
  out.remote = std::move(remote);
  return out;
}

BeastResponse to_beast(Response response, unsigned version, bool keep_alive, bool head_only) {
  BeastResponse out{static_cast<http::status>(response.status), version};
  out.set(http::field::server, "eutl");
  out.set(http::field::content_type, response.content_type);
  for (auto& [name, value] : response.headers) {
    out.insert(name, value);
  }
  out.keep_alive(keep_alive);
  if (head_only) {
    out.content_length(response.body.size());
  } else {
    out.body() = std::move(response.body);
    out.prepare_payload();
  }
  return out;
}

}  // namespace eutl::server::detail
