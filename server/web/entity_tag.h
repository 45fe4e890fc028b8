// If-None-Match (RFC 9110 §13.1.2) against the ETag of a compiled-in asset: the
// condition is false, and a GET or HEAD answers 304 Not Modified, when the field is
// "*" or lists a tag that matches by weak comparison (§8.8.3.2: W/ ignored, the
// opaque quoted strings equal).
#pragma once

#include <string_view>

namespace eutl::server::web {

// True when `if_none_match` ("*", or a comma-separated list of entity-tags, as a
// client sent it) names the representation whose strong tag is "`opaque`". A list
// that stops parsing matches only by the tags read before the error; an empty field
// matches nothing.
[[nodiscard]] bool if_none_match_matches(std::string_view if_none_match, std::string_view opaque) noexcept;

}  // namespace eutl::server::web
