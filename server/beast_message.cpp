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

// The boundary parameter of "multipart/form-data; boundary=…" (RFC 9110 §5.6.6
// parameters: a case-insensitive name, a token or quoted-string value).
std::string boundary_of(std::string_view content_type) {
  std::size_t i = content_type.find(';');
  while (i != std::string_view::npos && i < content_type.size()) {
    ++i;
    while (i < content_type.size() && (content_type[i] == ' ' || content_type[i] == '\t')) {
      ++i;
    }
    const std::size_t eq = content_type.find('=', i);
    if (eq == std::string_view::npos) {
      return {};
    }
    std::string name(content_type.substr(i, eq - i));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string value;
    i = eq + 1;
    if (i < content_type.size() && content_type[i] == '"') {
      for (++i; i < content_type.size() && content_type[i] != '"'; ++i) {
        if (content_type[i] == '\\' && i + 1 < content_type.size()) {
          ++i;
        }
        value += content_type[i];
      }
      i = content_type.find(';', i);
    } else {
      const std::size_t end = std::min(content_type.find(';', i), content_type.size());
      value = std::string(content_type.substr(i, end - i));
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) {
        value.pop_back();
      }
      i = end;
    }
    if (name == "boundary") {
      return value;
    }
  }
  return {};
}

}  // namespace

Request from_beast(BeastRequest&& request, std::string remote) {
  Request out;
  out.method = method_of(request.method());
  out.target = std::string(request.target());
  const auto content_type = request[http::field::content_type];
  out.content_type = media_type(std::string_view(content_type.data(), content_type.size()));
  out.accept = std::string(request[http::field::accept]);
  const std::string_view full_type(content_type.data(), content_type.size());
  if (out.content_type.starts_with("multipart/")) {
    out.boundary = boundary_of(full_type);
  }
  for (auto [it, end] = request.equal_range(http::field::if_none_match); it != end; ++it) {
    out.if_none_match += (out.if_none_match.empty() ? "" : ", ") + std::string(it->value());
  }
  out.body = std::move(request.body());
  out.remote = std::move(remote);
  return out;
}

BeastResponse to_beast(Response response, unsigned version, bool keep_alive, bool head_only) {
  BeastResponse out{static_cast<http::status>(response.status), version};
  out.set(http::field::server, "eutl");
  // A 304 carries no content and so no Content-Type (RFC 9110 §15.4.5).
  const bool not_modified = response.status == 304;
  if (!not_modified && !response.content_type.empty()) {
    out.set(http::field::content_type, response.content_type);
  }
  for (auto& [name, value] : response.headers) {
    out.insert(name, value);
  }
  out.keep_alive(keep_alive);
  if (not_modified) {
    // No body and no Content-Length: one would have to be the 200's (RFC 9110 §8.6).
    return out;
  }
  if (head_only) {
    out.content_length(response.content().size());
  } else {
    out.body() = response.shared_body ? std::move(response.shared_body)
                                      : std::make_shared<const std::string>(std::move(response.body));
    out.prepare_payload();
  }
  return out;
}

}  // namespace eutl::server::detail
