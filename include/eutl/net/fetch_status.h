// How the bytes of one list were obtained: the outcome of a download (or an import)
// as the fetcher reports it and a snapshot records it.
#pragma once

#include <string_view>

namespace eutl::net {

// How the bytes of the last attempt were obtained. kOk and kNotModified are the only
// successes; everything else leaves the list in use unchanged.
enum class FetchStatus {
  kNotAttempted,   // nothing was requested (e.g. a pivot already in the store)
  kOk,             // 200 with a complete body
  kNotModified,    // 304: the bytes of the previous attempt were reused
  kImported,       // read from a local file (eutl import)
  kHttpError,      // 4xx, or 5xx after the retries
  kNetworkError,   // connection refused/reset, DNS, proxy…
  kTimeout,        // connect, total or low-speed timeout
  kTlsError,       // certificate verification or handshake failure
  kTooManyRedirects,
  kTooLarge,       // the body exceeded the maximum size
  kTruncated,      // fewer bytes than announced
  kNotXml,         // the body is not XML / not a trusted list
  kInsecureRedirect,  // an https URL redirected to http (never followed)
};
std::string_view to_string(FetchStatus s);
FetchStatus fetch_status_from_string(std::string_view s);  // unknown → kNotAttempted
bool is_success(FetchStatus s);                           // kOk, kNotModified, kImported

}  // namespace eutl::net
