// `eutl_fetch_floor REQUESTS --cacert PATH [--connect-to ENTRY]...`: the yardstick of the
// all-304 fetch row (bench/fetch_304_real.cpp). The least a libcurl client does to learn
// that nothing changed: a conditional GET of the LOTL, then of every list, eight
// transfers at a time on one multi handle, with the validators `eutl fetch` sends and
// the curl options that cost CPU set as `eutl fetch` sets them (net/transfer.cpp). No
// store, no XML, no decision: what is left is process start, libcurl and its libraries,
// and one TLS handshake per host. Linked to libcurl as any small client would be.
//
// REQUESTS: one request per line, "URL ETAG LAST_MODIFIED" with "-" for a missing
// validator (Last-Modified as one word with '_' for ' '); the first line is the LOTL.
// Exit 0 when every answer was 304 (or the 404 the served set has for some lists), 1
// otherwise, 2 on bad arguments.
#include <curl/curl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace {

struct EasyFree {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
struct MultiFree {
  void operator()(CURLM* m) const { curl_multi_cleanup(m); }
};
struct SlistFree {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using Easy = std::unique_ptr<CURL, EasyFree>;
using Multi = std::unique_ptr<CURLM, MultiFree>;
using Slist = std::unique_ptr<curl_slist, SlistFree>;

struct Request {
  std::string url;
  std::string etag;
  std::string last_modified;
  Slist headers;
  Easy easy;
};

struct Options {
  std::string cacert;
  bool cacert_is_dir = false;
  Slist connect_to;
};

size_t discard(char* /*data*/, size_t size, size_t n, void* /*user*/) { return size * n; }

void append(Slist& list, const std::string& line) {
  curl_slist* grown = curl_slist_append(list.get(), line.c_str());
  if (grown != nullptr) {
    (void)list.release();
    list.reset(grown);
  }
}

void configure(Request& r, const Options& o) {
  r.easy.reset(curl_easy_init());
  CURL* h = r.easy.get();
  curl_easy_setopt(h, CURLOPT_URL, r.url.c_str());
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https,http");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
  // One or the other, never curl's default next to it: with a bundle, curl keeps the
  // store it loaded on the multi handle (CURLOPT_CA_CACHE_TIMEOUT) as for `eutl fetch`.
  curl_easy_setopt(h, CURLOPT_CAINFO, o.cacert_is_dir ? nullptr : o.cacert.c_str());
  curl_easy_setopt(h, CURLOPT_CAPATH, o.cacert_is_dir ? o.cacert.c_str() : nullptr);
  if (r.etag != "-") {
    append(r.headers, "If-None-Match: " + r.etag);
  }
  if (r.last_modified != "-") {
    std::string v = r.last_modified;
    std::replace(v.begin(), v.end(), '_', ' ');
    append(r.headers, "If-Modified-Since: " + v);
  }
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, r.headers.get());
  curl_easy_setopt(h, CURLOPT_CONNECT_TO, o.connect_to.get());
}

// Runs `requests` eight at a time; false when an answer was neither 304 nor 404.
bool run(CURLM* multi, std::vector<Request*> requests, const Options& o) {
  constexpr std::size_t kParallel = 8;
  std::size_t next = 0;
  std::size_t active = 0;
  bool all_expected = true;
  while (next < requests.size() || active > 0) {
    for (; active < kParallel && next < requests.size(); ++next, ++active) {
      configure(*requests[next], o);
      curl_multi_add_handle(multi, requests[next]->easy.get());
    }
    int running = 0;
    curl_multi_perform(multi, &running);
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &queued)) {
      if (msg->msg != CURLMSG_DONE) {
        continue;
      }
      long code = 0;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_RESPONSE_CODE, &code);
      all_expected = all_expected && msg->data.result == CURLE_OK && (code == 304 || code == 404);
      curl_multi_remove_handle(multi, msg->easy_handle);
      --active;
    }
    if (active > 0) {
      curl_multi_poll(multi, nullptr, 0, 100, nullptr);
    }
  }
  return all_expected;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: eutl_fetch_floor REQUESTS --cacert PATH [--connect-to ENTRY]...\n");
    return 2;
  }
  std::vector<std::unique_ptr<Request>> requests;
  std::ifstream in(argv[1]);
  for (std::string url, etag, modified; in >> url >> etag >> modified;) {
    requests.push_back(std::make_unique<Request>(Request{url, etag, modified, {}, {}}));
  }
  Options o;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--cacert") {
      o.cacert = argv[i + 1];
      struct stat st {};
      o.cacert_is_dir = ::stat(o.cacert.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
    } else if (flag == "--connect-to") {
      append(o.connect_to, argv[i + 1]);
    }
  }
  if (requests.empty() || o.cacert.empty()) {
    std::fprintf(stderr, "eutl_fetch_floor: no requests in %s, or no --cacert\n", argv[1]);
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  bool ok = false;
  {
    Multi multi(curl_multi_init());
    std::vector<Request*> lists;
    for (std::size_t i = 1; i < requests.size(); ++i) {
      lists.push_back(requests[i].get());
    }
    ok = run(multi.get(), {requests[0].get()}, o);
    ok = run(multi.get(), lists, o) && ok;
    for (auto& r : requests) {
      r->easy.reset();  // after the multi handle's last use of them, before its cleanup
    }
  }
  curl_global_cleanup();
  return ok ? 0 : 1;
}
