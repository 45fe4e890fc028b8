// FetchStatus names, as they appear in snapshots and JSON output.
#include "eutl/net/fetch_status.h"

#include <array>
#include <utility>

namespace eutl::net {
namespace {

constexpr std::array<std::pair<FetchStatus, std::string_view>, 13> kFetchStatusNames{{
    {FetchStatus::kNotAttempted, "not-attempted"},
    {FetchStatus::kOk, "ok"},
    {FetchStatus::kNotModified, "not-modified"},
    {FetchStatus::kImported, "imported"},
    {FetchStatus::kHttpError, "http-error"},
    {FetchStatus::kNetworkError, "network-error"},
    {FetchStatus::kTimeout, "timeout"},
    {FetchStatus::kTlsError, "tls-error"},
    {FetchStatus::kTooManyRedirects, "too-many-redirects"},
    {FetchStatus::kTooLarge, "too-large"},
    {FetchStatus::kTruncated, "truncated"},
    {FetchStatus::kNotXml, "not-xml"},
    {FetchStatus::kInsecureRedirect, "insecure-redirect"},
}};

}  // namespace

std::string_view to_string(FetchStatus s) {
  for (const auto& [value, name] : kFetchStatusNames) {
    if (value == s) {
      return name;
    }
  }
  return "not-attempted";
}

FetchStatus fetch_status_from_string(std::string_view s) {
  for (const auto& [value, name] : kFetchStatusNames) {
    if (name == s) {
      return value;
    }
  }
  return FetchStatus::kNotAttempted;
}

bool is_success(FetchStatus s) {
  return s == FetchStatus::kOk || s == FetchStatus::kNotModified || s == FetchStatus::kImported;
}

}  // namespace eutl::net
