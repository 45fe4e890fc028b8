// The multi loop: at most max_connections transfers run at once; a transient failure
// is re-queued after an exponential backoff, up to max_retries times.
#include "eutl/net/fetcher.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <memory>
#include <thread>

#include "eutl/net/net_guard.h"
#include "net/ca_store.h"
#include "net/poll_wait.h"
#include "net/shared_ca_store.h"
#include "net/ssl_ctx_hooks.h"
#include "net/transfer.h"

namespace eutl::net {
namespace {

using Clock = std::chrono::steady_clock;
using detail::Transfer;

class MultiLoop final {
 public:
  // `deadline` is the Fetcher's: moved to now once an attempt ended on it, so later
  // requests of the same fetch are not started.
  // `multi`: the Fetcher's, null when curl could not be loaded.
  // `ca`: the Fetcher's CA trust, null with `multi`.
  MultiLoop(const FetchOptions& options, CURLM* multi, const detail::CaTrust* ca, Clock::time_point& deadline,
            const std::vector<FetchRequest>& requests, const ProgressFn& progress)
      : m_options(options), m_multi(multi), m_deadline(deadline), m_progress(progress), m_responses(requests.size()) {
    for (std::size_t i = 0; i < requests.size(); ++i) {
      auto t = std::make_unique<Transfer>();
      t->index = i;
      t->request = &requests[i];
      t->options = &m_options;
      t->ca = ca;
      m_queue.push_back(t.get());
      m_transfers.push_back(std::move(t));
    }
    m_stats.total = requests.size();
  }

  std::vector<FetchResponse> run() {
    if (m_multi == nullptr) {
      const char* why = nullptr;
      fail_all(detail::load_curl(&why) ? "curl_multi_init failed" : why);
      return std::move(m_responses);
    }
    auto last_report = Clock::now();
    while (!m_queue.empty() || m_active > 0) {
      start_ready();
      int running = 0;
      detail::curl().multi_perform(m_multi, &running);
      collect_finished();
      if (m_progress && Clock::now() - last_report > std::chrono::milliseconds(100)) {
        report();
        last_report = Clock::now();
      }
      if (m_queue.empty() && m_active == 0) {
        break;
      }
      wait();
    }
    report();
    return std::move(m_responses);
  }

 private:
  void fail_all(const std::string& why) {
    for (FetchResponse& r : m_responses) {
      r.status = FetchStatus::kNetworkError;
      r.error = why;
    }
  }

  void start_ready() {
    const auto now = Clock::now();
    for (auto it = m_queue.begin(); it != m_queue.end() && m_active < m_options.max_connections;) {
      Transfer* t = *it;
      if (t->not_before > now) {
        ++it;
        continue;
      }
      it = m_queue.erase(it);
      start(*t);
    }
  }

  std::string deadline_message() const {
    const auto ms = m_options.deadline.count();
    const std::string secs = std::to_string(ms / 1000) + (ms % 1000 == 0 ? "" : "." + std::to_string(ms % 1000 / 100));
    return "fetch deadline of " + secs + " s reached";
  }

  void start(Transfer& t) {
    const auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(m_deadline - Clock::now());
    if (remaining.count() <= 0) {
      finish(t, {FetchStatus::kTimeout, deadline_message() + " before " + t.request->url + " was requested"});
      return;
    }
    if (!t.easy) {
      t.easy.reset(detail::curl().easy_init());
      if (!t.easy || !detail::configure_transfer(t)) {
        finish(t, {FetchStatus::kNetworkError, "cannot configure the request for " + t.request->url});
        return;
      }
    }
    ++t.attempts;
    t.capped_by_deadline = remaining < m_options.total_timeout || remaining < m_options.connect_timeout;
    if (!detail::reset_attempt(t, remaining)) {
      finish(t, {FetchStatus::kNetworkError, "cannot configure the request for " + t.request->url});
      return;
    }
    if (detail::curl().multi_add_handle(m_multi, t.easy.get()) != CURLM_OK) {
      finish(t, {FetchStatus::kNetworkError, "curl_multi_add_handle failed"});
      return;
    }
    ++m_active;
  }

  void collect_finished() {
    int left = 0;
    while (CURLMsg* msg = detail::curl().multi_info_read(m_multi, &left)) {
      if (msg->msg != CURLMSG_DONE) {
        continue;
      }
      Transfer* t = nullptr;
      detail::curl().easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
      const CURLcode code = msg->data.result;
      detail::curl().multi_remove_handle(m_multi, msg->easy_handle);  // invalidates msg
      --m_active;
      detail::AttemptOutcome outcome = detail::classify_attempt(*t, code);
      const auto now = Clock::now();
      const bool deadline_hit =
          now >= m_deadline || (t->capped_by_deadline && outcome.response.status == FetchStatus::kTimeout);
      if (deadline_hit && !is_success(outcome.response.status)) {
        m_deadline = std::min(m_deadline, now);
        outcome.response.status = FetchStatus::kTimeout;
        outcome.response.error = deadline_message() + " (" + outcome.response.error + ")";
        outcome.transient = false;
      }
      const auto retry_at = now + m_options.retry_backoff * (1 << (t->attempts - 1));
      if (outcome.transient && t->attempts <= m_options.max_retries && retry_at < m_deadline) {
        t->not_before = retry_at;
        m_queue.push_back(t);
        continue;
      }
      finish(*t, std::move(outcome.response));
    }
  }

  void finish(Transfer& t, FetchResponse response) {
    response.attempts = t.attempts;
    response.bytes_received = t.bytes_received;
    if (!is_success(response.status)) {
      ++m_stats.failures;
    }
    ++m_stats.done;
    m_responses[t.index] = std::move(response);
    t.easy.reset();  // frees the connection slot's handle and the body memory
    t.body = {};
  }

  void wait() {
    const auto now = Clock::now();
    detail::QueuedStarts queued;
    for (const Transfer* t : m_queue) {
      if (t->not_before > now) {
        queued.next_retry = std::min(queued.next_retry, t->not_before);
      } else {
        queued.any_ready = true;
      }
    }
    const auto timeout =
        detail::poll_wait(queued, now, m_active < m_options.max_connections, std::chrono::milliseconds(100));
    if (m_active > 0) {
      detail::curl().multi_poll(m_multi, nullptr, 0, static_cast<int>(timeout.count()), nullptr);
    } else if (timeout.count() > 0) {
      std::this_thread::sleep_for(timeout);
    }
  }

  void report() {
    if (!m_progress) {
      return;
    }
    FetchProgress p = m_stats;
    for (const auto& t : m_transfers) {
      p.bytes += t->bytes_received;
    }
    m_progress(p);
  }

  FetchOptions m_options;
  CURLM* m_multi;
  Clock::time_point& m_deadline;
  const ProgressFn& m_progress;
  // Every transfer is out of the multi handle when run() returns (its loop ends only
  // when none is active), and curl_easy_cleanup takes a handle out if it were not.
  std::vector<std::unique_ptr<Transfer>> m_transfers;
  std::deque<Transfer*> m_queue;
  long m_active = 0;
  FetchProgress m_stats;
  std::vector<FetchResponse> m_responses;
};

}  // namespace

// One multi handle for all of a Fetcher's requests: curl keeps its connections and the
// CA store it loaded there (CURLOPT_CA_CACHE_TIMEOUT, a day by default), so the system
// store (145 certificates, about 240 M instructions to load with OpenSSL 3.0) is read
// once per fetch, not once for the LOTL and again for the national lists.
// With a hashed CA directory, the connections share one X509_STORE over it
// (net/shared_ca_store.h), so each CA file is read once per fetch too.
// With FetchOptions::tls_sessions, each connection resumes the session kept for its
// server when it can (net/ssl_ctx_hooks.h).
struct Fetcher::Multi final {
  std::unique_ptr<detail::SharedCaStore> shared_ca;  // these two outlive the connections' use of them
  std::unique_ptr<detail::SslCtxHooks> hooks;
  detail::CaTrust ca;
  detail::CurlMulti handle;
};

// curl's process-wide init is LibraryGuard's (style C14), done at the first transfer
// (net::ensure_curl). Without a CA store of the caller's, the system's is used as a
// hashed directory when it is one (net/ca_store.h): the same certificates, read only as
// a handshake needs them.
Fetcher::Fetcher(FetchOptions options)
    : m_options(std::move(options)), m_deadline(std::chrono::steady_clock::now() + m_options.deadline) {
  if (m_options.cacert.empty()) {
    m_options.cacert = detail::system_ca_directory();
  }
}

Fetcher::~Fetcher() = default;

std::vector<FetchResponse> Fetcher::fetch_all(const std::vector<FetchRequest>& requests, const ProgressFn& progress) {
  if (!m_multi && ensure_curl()) {
    m_multi = std::make_unique<Multi>();
    m_multi->handle.reset(detail::curl().multi_init());
    std::error_code ec;
    m_multi->ca.directory = !m_options.cacert.empty() && std::filesystem::is_directory(m_options.cacert, ec);
    if (m_multi->ca.directory) {
      m_multi->shared_ca = detail::SharedCaStore::over_directory(m_options.cacert);
    }
    TlsSessions* sessions = m_options.tls_sessions != nullptr && detail::curl_uses_our_openssl()
                                ? m_options.tls_sessions
                                : nullptr;
    if (sessions != nullptr) {
      sessions->bind_trust(detail::trust_digest(m_options.cacert));
    }
    if (m_multi->shared_ca || sessions != nullptr) {
      m_multi->hooks = std::make_unique<detail::SslCtxHooks>(m_multi->shared_ca.get(), sessions);
      m_multi->ca.hooks = m_multi->hooks.get();
    }
  }
  MultiLoop loop(m_options, m_multi ? m_multi->handle.get() : nullptr, m_multi ? &m_multi->ca : nullptr, m_deadline,
                 requests, progress);
  return loop.run();
}

bool looks_like_xml(tsl::ByteView bytes) {
  std::size_t i = 0;
  if (bytes.size() >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) {
    i = 3;
  }
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
    ++i;
  }
  return i < bytes.size() && bytes[i] == '<';
}

}  // namespace eutl::net
