// Which route answers a request: the table is the concatenation of ops_routes(),
// api_routes() and web_routes(), matched in that order. A pattern is literal segments
// and {name} captures ("/v1/evidence/{id}/report"); a capture takes exactly one
// non-empty segment, never an empty one and never a '/', and is stored under its name
// in Request::path_params. A path that some pattern matches with another method is a
// wrong method (405, with the methods that would do), not an unknown route (404).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "server/route.h"

namespace eutl::server {

enum class MatchKind { kFound, kNotFound, kWrongMethod };

struct RouteMatch final {
  MatchKind kind = MatchKind::kNotFound;
  std::size_t index = 0;  // kFound: position of the route in the table
  std::map<std::string, std::string> params;
  std::vector<Method> allowed;  // kWrongMethod: the methods the path has
};

class Router final {
 public:
  explicit Router(std::vector<Route> routes);

  // `path` is percent-decoded and starts with '/'. HEAD is answered by a GET route
  // when no HEAD route is given.
  [[nodiscard]] RouteMatch match(Method method, std::string_view path) const;

  const std::vector<Route>& routes() const noexcept { return m_routes; }

 private:
  std::vector<Route> m_routes;
  std::vector<std::vector<std::string>> m_segments;  // per route, the pattern split on '/'
};

// "GET", "HEAD", "POST", "OTHER".
[[nodiscard]] std::string_view method_name(Method method) noexcept;

}  // namespace eutl::server
