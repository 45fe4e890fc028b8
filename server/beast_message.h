// Beast messages to the plain server::Request and server::Response and back: the one
// place where the HTTP wire types meet the route types (http_message.h).
#pragma once

#include <string>

#include <boost/beast/http.hpp>

#include "server/http_message.h"
#include "server/shared_body.h"

namespace eutl::server::detail {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastResponse = boost::beast::http::response<SharedStringBody>;

// Method, target (still encoded: the Dispatcher decodes it), the media type of
// Content-Type in lower case without parameters, Accept, the body and the peer.
[[nodiscard]] Request from_beast(BeastRequest&& request, std::string remote);

// Status, Content-Type, the route's extra headers and the body; `head_only` keeps the
// Content-Length of the body without sending it (RFC 9110 §9.3.2). A shared body is
// handed on, not copied; an owned one is moved.
[[nodiscard]] BeastResponse to_beast(Response response, unsigned version, bool keep_alive, bool head_only);

}  // namespace eutl::server::detail
