#include "server/web/entity_tag.h"

namespace eutl::server::web {
namespace {

bool is_ows(char c) noexcept { return c == ' ' || c == '\t'; }

}  // namespace

bool if_none_match_matches(std::string_view field, std::string_view opaque) noexcept {
  // If-None-Match = "*" / #entity-tag; entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE.
  std::size_t i = 0;
  const auto skip_separators = [&] {
    while (i < field.size() && (is_ows(field[i]) || field[i] == ',')) {
      ++i;
    }
  };
  skip_separators();
  if (field.substr(i).starts_with('*')) {
    std::size_t rest = i + 1;
    while (rest < field.size() && is_ows(field[rest])) {
      ++rest;
    }
    return rest == field.size();  // "*" alone: any current representation
  }
  while (i < field.size()) {
    if (field.substr(i).starts_with("W/")) {
      i += 2;  // weak comparison: the weakness indicator does not count
    }
    if (i >= field.size() || field[i] != '"') {
      return false;  // not an entity-tag: stop
    }
    const std::size_t close = field.find('"', i + 1);
    if (close == std::string_view::npos) {
      return false;
    }
    if (field.substr(i + 1, close - i - 1) == opaque) {
      return true;
    }
    i = close + 1;
    while (i < field.size() && is_ows(field[i])) {
      ++i;
    }
    if (i < field.size() && field[i] != ',') {
      return false;
    }
    skip_separators();
  }
  return false;
}

}  // namespace eutl::server::web
