// One download inside the multi loop: its easy handle, the bytes received so far and
// the response metadata, plus the classification of how it ended.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "eutl/net/fetcher.h"
#include "net/curl_handles.h"

namespace eutl::net::detail {

class SslCtxHooks;  // net/ssl_ctx_hooks.h

// The CA certificates every transfer of a Fetcher trusts, and what it adds to each
// connection's TLS setup, decided once per Fetcher.
struct CaTrust final {
  bool directory = false;         // FetchOptions::cacert is a hashed directory, not a PEM file
  SslCtxHooks* hooks = nullptr;  // the shared CA store, the TLS sessions: when curl can take them
};

struct Transfer final {
  std::size_t index = 0;  // position in the request vector
  const FetchRequest* request = nullptr;
  const FetchOptions* options = nullptr;
  const CaTrust* ca = nullptr;  // the Fetcher's
  CurlEasy easy;
  CurlSlist headers;
  CurlSlist connect_to;
  tsl::Bytes body;
  bool too_large = false;
  std::string etag;
  std::string last_modified;
  std::uint64_t bytes_received = 0;  // list bodies, all attempts (error answers excluded)
  std::uint64_t attempt_bytes = 0;   // body bytes of the current attempt
  int attempts = 0;
  bool capped_by_deadline = false;  // this attempt's timeouts were cut to the fetch deadline
  std::chrono::steady_clock::time_point not_before{};
};

// True for an https:// URL (any case).
bool is_https(std::string_view url);

// Sets up the easy handle (once; retries reuse it). False when curl refused an option.
bool configure_transfer(Transfer& t);

// Clears what one attempt collected, before a retry, and bounds the attempt by
// `remaining` (the time left before the fetch deadline).
[[nodiscard]] bool reset_attempt(Transfer& t, std::chrono::milliseconds remaining);

// How an attempt ended; `transient` says whether a retry may help.
struct AttemptOutcome final {
  FetchResponse response;
  bool transient = false;
};
AttemptOutcome classify_attempt(Transfer& t, CURLcode code);

}  // namespace eutl::net::detail
