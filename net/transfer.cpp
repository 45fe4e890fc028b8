#include "net/transfer.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "net/ssl_ctx_hooks.h"

namespace eutl::net::detail {
namespace {

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), s.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

std::string header_value(std::string_view line, std::size_t name_len) {
  std::string_view v = line.substr(name_len);
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) {
    v.remove_prefix(1);
  }
  while (!v.empty() && (v.back() == '\r' || v.back() == '\n' || v.back() == ' ')) {
    v.remove_suffix(1);
  }
  return std::string(v);
}

// A validator to send back in the next conditional GET (RFC 9110 §8.8.3 entity-tag,
// §5.6.7 HTTP-date), kept only when printable ASCII and of a sane length: an entity-tag
// may hold obs-text (bytes 0x80-0xFF), which the snapshot's JSON cannot carry as it
// came, and a server's header is hostile input. One not kept makes the next request
// unconditional: a download, never a wrong 304.
constexpr std::size_t kMaxValidator = 512;

std::string validator(std::string value) {
  const bool ok = value.size() <= kMaxValidator &&
                  std::all_of(value.begin(), value.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
  return ok ? std::move(value) : std::string();
}

size_t on_header(char* data, size_t size, size_t nitems, void* user) {
  auto& t = *static_cast<Transfer*>(user);
  std::string_view line(data, size * nitems);
  if (starts_with_nocase(line, "HTTP/")) {
    // A new response (after a redirect or a 100): forget the previous one's validators.
    t.etag.clear();
    t.last_modified.clear();
  } else if (starts_with_nocase(line, "ETag:")) {
    t.etag = validator(header_value(line, 5));
  } else if (starts_with_nocase(line, "Last-Modified:")) {
    t.last_modified = validator(header_value(line, 14));
  }
  return size * nitems;
}

size_t on_body(char* data, size_t size, size_t nmemb, void* user) {
  auto& t = *static_cast<Transfer*>(user);
  const size_t n = size * nmemb;
  t.bytes_received += n;
  t.attempt_bytes += n;
  if (t.body.size() + n > t.options->max_body_bytes) {
    // Streaming limit: the body is never held beyond the maximum size.
    t.too_large = true;
    return 0;  // makes curl abort with CURLE_WRITE_ERROR
  }
  t.body.insert(t.body.end(), reinterpret_cast<const std::uint8_t*>(data),
                reinterpret_cast<const std::uint8_t*>(data) + n);
  return n;
}

bool ok(CURLcode c) { return c == CURLE_OK; }

long millis(std::chrono::milliseconds a, std::chrono::milliseconds cap) {
  return static_cast<long>(std::max<std::chrono::milliseconds::rep>(1, std::min(a, cap).count()));
}

}  // namespace

bool is_https(std::string_view url) { return starts_with_nocase(url, "https://"); }

bool configure_transfer(Transfer& t) {
  const FetchOptions& o = *t.options;
  CURL* h = t.easy.get();
  bool good = ok(curl().easy_setopt(h, CURLOPT_URL, t.request->url.c_str())) &&
              ok(curl().easy_setopt(h, CURLOPT_PRIVATE, &t)) && ok(curl().easy_setopt(h, CURLOPT_NOSIGNAL, 1L)) &&
              ok(curl().easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https,http")) &&
              // An https URL is never followed to http (a downgrade anyone on the path could
              // answer); an http URL may be redirected to either.
              ok(curl().easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, is_https(t.request->url) ? "https" : "https,http")) &&
              ok(curl().easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L)) &&
              ok(curl().easy_setopt(h, CURLOPT_MAXREDIRS, o.max_redirects)) &&
              ok(curl().easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, o.low_speed_bytes)) &&
              ok(curl().easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(o.low_speed_time.count()))) &&
              ok(curl().easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(o.max_body_bytes))) &&
              ok(curl().easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L)) &&
              ok(curl().easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L)) &&
              ok(curl().easy_setopt(h, CURLOPT_USERAGENT, o.user_agent.c_str())) &&
              ok(curl().easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "")) &&
              ok(curl().easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header)) &&
              ok(curl().easy_setopt(h, CURLOPT_HEADERDATA, &t)) &&
              ok(curl().easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body)) &&
              ok(curl().easy_setopt(h, CURLOPT_WRITEDATA, &t));
  if (good && !o.cacert.empty()) {
    // A PEM bundle, or a hashed directory (net/ca_store.h): one or the other, never
    // curl's default next to it.
    const bool dir = t.ca != nullptr && t.ca->directory;
    good = ok(curl().easy_setopt(h, CURLOPT_CAINFO, dir ? nullptr : o.cacert.c_str())) &&
           ok(curl().easy_setopt(h, CURLOPT_CAPATH, dir ? o.cacert.c_str() : nullptr));
    if (good && t.ca != nullptr && t.ca->hooks != nullptr) {
      // Refused only by a curl without the callback: its own store then serves, and
      // every handshake is a full one, as before.
      const curl_ssl_ctx_callback install = &SslCtxHooks::install;
      (void)(ok(curl().easy_setopt(h, CURLOPT_SSL_CTX_DATA, t.ca->hooks)) &&
             ok(curl().easy_setopt(h, CURLOPT_SSL_CTX_FUNCTION, install)));
    }
  }
  if (good && !t.request->etag.empty()) {
    good = slist_append(t.headers, ("If-None-Match: " + t.request->etag).c_str());
  }
  if (good && !t.request->last_modified.empty()) {
    good = slist_append(t.headers, ("If-Modified-Since: " + t.request->last_modified).c_str());
  }
  if (good && t.headers) {
    good = ok(curl().easy_setopt(h, CURLOPT_HTTPHEADER, t.headers.get()));
  }
  for (const std::string& entry : o.connect_to) {
    good = good && slist_append(t.connect_to, entry.c_str());
  }
  if (good && t.connect_to) {
    good = ok(curl().easy_setopt(h, CURLOPT_CONNECT_TO, t.connect_to.get()));
  }
  return good;
}

bool reset_attempt(Transfer& t, std::chrono::milliseconds remaining) {
  t.body.clear();
  t.too_large = false;
  t.etag.clear();
  t.last_modified.clear();
  t.attempt_bytes = 0;
  const FetchOptions& o = *t.options;
  CURL* h = t.easy.get();
  return ok(curl().easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, millis(o.connect_timeout, remaining))) &&
         ok(curl().easy_setopt(h, CURLOPT_TIMEOUT_MS, millis(o.total_timeout, remaining)));
}

AttemptOutcome classify_attempt(Transfer& t, CURLcode code) {
  AttemptOutcome out;
  FetchResponse& r = out.response;
  long http = 0;
  curl().easy_getinfo(t.easy.get(), CURLINFO_RESPONSE_CODE, &http);
  char* effective = nullptr;
  curl().easy_getinfo(t.easy.get(), CURLINFO_EFFECTIVE_URL, &effective);
  r.http_status = http;
  r.effective_url = effective != nullptr ? effective : "";
  r.etag = t.etag;
  r.last_modified = t.last_modified;
  r.attempts = t.attempts;
  r.bytes_received = t.bytes_received;

  if (code != CURLE_OK) {
    r.error = std::string(curl().easy_strerror(code));
    switch (code) {
      case CURLE_UNSUPPORTED_PROTOCOL: {
        // A redirect to a protocol outside CURLOPT_REDIR_PROTOCOLS_STR: after the refusal
        // curl reports the target as the effective URL (or as the redirect URL).
        char* target = nullptr;
        curl().easy_getinfo(t.easy.get(), CURLINFO_REDIRECT_URL, &target);
        const std::string where = target != nullptr ? std::string(target) : r.effective_url;
        if (is_https(t.request->url) && ((!where.empty() && !is_https(where)) || (http >= 300 && http < 400))) {
          r.status = FetchStatus::kInsecureRedirect;
          r.error = "redirect from https to " + (where.empty() ? std::string("http") : where) +
                    " refused (an https list is never fetched over http)";
        } else {
          r.status = FetchStatus::kNetworkError;
        }
        break;
      }
      case CURLE_WRITE_ERROR:
      case CURLE_FILESIZE_EXCEEDED:
        r.status = t.too_large || code == CURLE_FILESIZE_EXCEEDED ? FetchStatus::kTooLarge : FetchStatus::kNetworkError;
        if (r.status == FetchStatus::kTooLarge) {
          r.error = "body larger than " + std::to_string(t.options->max_body_bytes) + " bytes";
        }
        break;
      case CURLE_OPERATION_TIMEDOUT:
        r.status = FetchStatus::kTimeout;
        out.transient = true;
        break;
      case CURLE_PARTIAL_FILE:
        r.status = FetchStatus::kTruncated;
        out.transient = true;
        break;
      case CURLE_TOO_MANY_REDIRECTS:
        r.status = FetchStatus::kTooManyRedirects;
        break;
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_CIPHER:
      case CURLE_SSL_CACERT_BADFILE:
      case CURLE_SSL_ISSUER_ERROR:
        r.status = FetchStatus::kTlsError;
        break;
      case CURLE_COULDNT_CONNECT:
      case CURLE_RECV_ERROR:
      case CURLE_SEND_ERROR:
      case CURLE_GOT_NOTHING:
      case CURLE_HTTP2:
      case CURLE_HTTP2_STREAM:
        r.status = FetchStatus::kNetworkError;
        out.transient = true;
        break;
      default:
        r.status = FetchStatus::kNetworkError;
        break;
    }
    return out;
  }
  if (http == 304) {
    r.status = FetchStatus::kNotModified;
    // A 304 may omit validators; the ones sent are still the right ones.
    if (r.etag.empty()) {
      r.etag = t.request->etag;
    }
    if (r.last_modified.empty()) {
      r.last_modified = t.request->last_modified;
    }
    return out;
  }
  if (http != 200) {
    // The body of an error answer (a 404 page) is not list bytes.
    t.bytes_received -= std::min(t.bytes_received, t.attempt_bytes);
    r.bytes_received = t.bytes_received;
    r.status = FetchStatus::kHttpError;
    r.error = "HTTP " + std::to_string(http);
    out.transient = http >= 500 || http == 429 || http == 408;
    return out;
  }
  if (!looks_like_xml(t.body)) {
    r.status = FetchStatus::kNotXml;
    r.error = "the response is not XML";
    r.body = std::move(t.body);  // for its digest only; never stored
    return out;
  }
  r.status = FetchStatus::kOk;
  r.body = std::move(t.body);
  return out;
}

}  // namespace eutl::net::detail
