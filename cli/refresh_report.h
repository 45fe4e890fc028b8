// What fetch, import and status say beyond the snapshot table: why each list was
// kept, refused or failed, and which territories the LOTL points to have no list.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "api/detail/snapshot_json.h"
#include "eutl/cache/snapshot.h"
#include "eutl/verify/missing_territories.h"

namespace eutl::cli::store {

// Why the attempt of this refresh did not put a new valid list in use (HTTP status,
// TLS error, signature or signer problem, rollback…); empty when it did, or when
// nothing was attempted.
std::string why_not_refreshed(const cache::ListRecord& r);

// One line per list (LOTL first) with a non-empty why_not_refreshed(), under a heading.
void print_why(std::ostream& out, const cache::Snapshot& snapshot);

// "host[:port]" of an http(s) URL; the text itself when it has no scheme.
std::string url_host(std::string_view url);

// One stderr line per pivot or national list whose download failed on the network
// (DNS, connection, TLS, timeout, HTTP status), naming the host and the cause.
void print_download_failures(std::ostream& err, const cache::Snapshot& snapshot);

// [{"territory": "DE", "url": "https://…"}, …] (api/detail/snapshot_json.h)
using eutl::detail::missing_json;
// "missing: DE (no list; the LOTL points to https://…)", one line each.
void print_missing(std::ostream& out, const std::vector<verify::MissingTerritory>& missing);

}  // namespace eutl::cli::store
