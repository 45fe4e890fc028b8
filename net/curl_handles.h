// RAII for libcurl handles (style C5).
#pragma once

#include <curl/curl.h>

#include "tsl/detail/c_handle.h"

namespace eutl::net::detail {

using CurlEasy = eutl::detail::CHandle<CURL, curl_easy_cleanup>;
using CurlMulti = eutl::detail::CHandle<CURLM, curl_multi_cleanup>;
using CurlSlist = eutl::detail::CHandle<curl_slist, curl_slist_free_all>;

// Appends to a list held by a CurlSlist, keeping ownership there.
inline bool slist_append(CurlSlist& list, const char* value) {
  curl_slist* grown = ::curl_slist_append(list.get(), value);
  if (grown == nullptr) {
    return false;
  }
  (void)list.release();  // `grown` now heads the same list; list takes it back below
  list.reset(grown);
  return true;
}

}  // namespace eutl::net::detail
