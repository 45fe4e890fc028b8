// RAII for libcurl handles (style C5).
#pragma once

#include <curl/curl.h>

#include "net/curl_library.h"
#include "tsl/detail/c_handle.h"

namespace eutl::net::detail {

// Handles exist only once libcurl is loaded (net/curl_library.h).
inline void free_easy(CURL* h) { curl().easy_cleanup(h); }
inline void free_multi(CURLM* m) { curl().multi_cleanup(m); }
inline void free_slist(curl_slist* l) { curl().slist_free_all(l); }

using CurlEasy = eutl::detail::CHandle<CURL, free_easy>;
using CurlMulti = eutl::detail::CHandle<CURLM, free_multi>;
using CurlSlist = eutl::detail::CHandle<curl_slist, free_slist>;

// Appends to a list held by a CurlSlist, keeping ownership there.
inline bool slist_append(CurlSlist& list, const char* value) {
  curl_slist* grown = curl().slist_append(list.get(), value);
  if (grown == nullptr) {
    return false;
  }
  (void)list.release();  // `grown` now heads the same list; list takes it back below
  list.reset(grown);
  return true;
}

}  // namespace eutl::net::detail
