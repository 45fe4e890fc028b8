#include "server/router.h"

#include <algorithm>

namespace eutl::server {
namespace {

// "/a/{b}/c" → {"a", "{b}", "c"}; "/" → {}. A trailing slash is a segment of its own
// ("/a/" → {"a", ""}), so "/v1/status/" is not "/v1/status".
std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  if (path.empty() || path == "/") {
    return out;
  }
  if (path.front() == '/') {
    path.remove_prefix(1);
  }
  while (true) {
    const auto slash = path.find('/');
    out.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) {
      break;
    }
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool is_capture(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool segments_match(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
                    std::map<std::string, std::string>* params) {
  if (pattern.size() != path.size()) {
    return false;
  }
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_capture(pattern[i])) {
      if (path[i].empty()) {
        return false;
      }
      if (params != nullptr) {
        (*params)[pattern[i].substr(1, pattern[i].size() - 2)] = path[i];
      }
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

Router::Router(std::vector<Route> routes) : m_routes(std::move(routes)) {
  m_segments.reserve(m_routes.size());
  for (const Route& r : m_routes) {
    m_segments.push_back(split_path(r.pattern));
  }
}

RouteMatch Router::match(Method method, std::string_view path) const {
  RouteMatch out;
  const std::vector<std::string> segments = split_path(path);
  const auto find = [&](Method wanted) -> bool {
    for (std::size_t i = 0; i < m_routes.size(); ++i) {
      if (m_routes[i].method == wanted && segments_match(m_segments[i], segments, &out.params)) {
        out.kind = MatchKind::kFound;
        out.index = i;
        return true;
      }
      out.params.clear();
    }
    return false;
  };
  if (find(method) || (method == Method::kHead && find(Method::kGet))) {
    return out;
  }
  for (std::size_t i = 0; i < m_routes.size(); ++i) {
    if (segments_match(m_segments[i], segments, nullptr)) {
      out.kind = MatchKind::kWrongMethod;
      if (std::find(out.allowed.begin(), out.allowed.end(), m_routes[i].method) == out.allowed.end()) {
        out.allowed.push_back(m_routes[i].method);
      }
    }
  }
  return out;
}

std::string_view method_name(Method method) noexcept {
  switch (method) {
    case Method::kGet:
      return "GET";
    case Method::kHead:
      return "HEAD";
    case Method::kPost:
      return "POST";
    case Method::kOther:
      break;
  }
  return "OTHER";
}

}  // namespace eutl::server
