// eutl fetch [--lotl-url URL] [--allow-http] [--lotl-signers PEM] [--cacert PEM|DIR] [--deadline S] [--store DIR] [--json]
//
// Downloads the LOTL, the pivots the store lacks and every national list, verifies
// them and records a new snapshot. Live progress on a terminal only.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "cli/fetch_report_json.h"
#include "cli/refresh_report.h"
#include "cli/common_options.h"
#include "cli/store_common.h"
#include "eutl/bundled_anchors.h"
#include "eutl/net/fetcher.h"
#include "eutl/net/net_guard.h"
#include "eutl/cache/refresh.h"
#include "eutl/cache/refresh_resuming.h"

namespace eutl::cli {
namespace {

struct FetchCliOptions {
  std::string store;
  std::string lotl_url = std::string(cache::kDefaultLotlUrl);
  std::string lotl_signers;
  std::string cacert;
  std::string at;
  bool json = false;
  bool quiet = false;
  bool verbose = false;
  double timeout = 120;
  double connect_timeout = 10;
  double deadline = 300;
  bool allow_http = false;
  std::uint64_t max_size = 64ull << 20;
  int retries = 2;
  long parallel = 8;
  std::vector<std::string> connect_to;
  bool no_tls_resumption = false;
};

void show_progress(const net::FetchProgress& p) {
  std::cerr << "\r\033[Klists " << p.done << "/" << p.total << ", " << (p.bytes / 1024) << " KiB, " << p.failures
            << " failed" << std::flush;
}

int run_fetch(const FetchCliOptions& o) {
  auto at = store::parse_at(o.at);
  if (!at) {
    print_error(at.error().message);
    return kExitUsage;
  }
  if (o.lotl_url.rfind("https://", 0) != 0 && !o.allow_http) {
    print_error("--lotl-url " + o.lotl_url +
                " is not https: anyone on the path could answer for it; pass --allow-http to accept that");
    return kExitUsage;
  }
  if (!(o.deadline > 0) || !(o.timeout > 0) || !(o.connect_timeout > 0)) {
    print_error("--deadline, --timeout and --connect-timeout take a positive number of seconds");
    return kExitUsage;
  }
  // The heap a refresh in which nothing changed uses, in huge pages: one `eutl fetch`
  // of the 2026 set whose lists all answer 304 took 2,100 page faults, 800 with this.
  prefer_huge_pages(8u << 20);
  cache::RefreshRequest req;
  req.lotl_url = o.lotl_url;
  req.at = *at;
  req.created = store::now();
  int rc = 0;
  auto writable = store::open_for_refresh(o.store, o.lotl_signers, req.lotl_anchors, rc);
  req.default_anchors = bundled_lotl_anchor_certificates;
  if (!writable) {
    return rc;
  }
  // Still the only thread: libcurl is loaded now, without GnuTLS's start-up work.
  (void)net::ensure_curl_without_gnutls_init();
  const cache::Store* st = &writable->store;
  const cache::StoreLock* lock = &writable->lock;
  net::FetchOptions fo;
  fo.cacert = o.cacert;
  fo.user_agent = std::string("eutl/") + EUTL_VERSION;
  fo.total_timeout = std::chrono::milliseconds(static_cast<long>(o.timeout * 1000));
  fo.connect_timeout = std::chrono::milliseconds(static_cast<long>(o.connect_timeout * 1000));
  fo.deadline = std::chrono::milliseconds(static_cast<long>(std::min(o.deadline, 1e9) * 1000));
  fo.low_speed_time = std::chrono::seconds(std::max<long>(1, std::min<long>(20, static_cast<long>(o.timeout))));
  fo.max_body_bytes = o.max_size;
  fo.max_retries = o.retries;
  fo.max_connections = o.parallel;
  fo.connect_to = o.connect_to;
  const bool tty = ::isatty(STDERR_FILENO) == 1 && !o.quiet;
  net::ProgressFn progress;
  if (tty) {
    progress = show_progress;
  }
  // The sessions of the last fetch, resumed where the servers take them back
  // (include/eutl/net/tls_sessions.h), and those of this one kept for the next.
  cache::SessionUse sessions;
  auto report = cache::refresh_resuming(*st, *lock, fo, !o.no_tls_resumption, store::production_verifier(), req,
                                        progress, &sessions);
  if (!o.no_tls_resumption && o.verbose) {
    std::cerr << "eutl: TLS: " << sessions.resumed << " of the handshakes resumed a session (" << sessions.read
              << " kept by the last fetch); "
              << (sessions.not_kept.empty() ? std::to_string(sessions.kept) + " kept for the next"
                                            : "none kept for the next: " + sessions.not_kept)
              << '\n';
  }
  if (tty) {
    std::cerr << '\n';
  }
  if (!report) {
    print_error(report.error().message);
    return exit_code_for(report.error());
  }
  if (!o.quiet) {
    store::print_download_failures(std::cerr, report->snapshot);
  }
  if (o.json) {
    std::cout << store::fetch_report_json(*report, *at).dump(2) << '\n';
  } else {
    if (!report->lotl_verified) {
      const std::string why = store::why_not_refreshed(report->snapshot.lotl);
      print_error("the LOTL was not refreshed" + (why.empty() ? std::string() : ": " + why));
    }
    store::print_table(std::cout, report->snapshot, *at);
    store::print_why(std::cout, report->snapshot);
    store::print_missing(std::cout, report->missing);
    std::cout << "\n" << report->list_failures << " list(s) failed, " << report->list_bytes_downloaded
              << " list bytes downloaded\n";
  }
  // The LOTL could not be reached at all: the fetch could not run (4), whatever the
  // store still holds; a LOTL that was obtained but not valid stays indeterminate (3).
  const cache::FetchRecord& lotl_fetch = report->snapshot.lotl.fetch;
  if (lotl_fetch.status == net::FetchStatus::kNetworkError || lotl_fetch.status == net::FetchStatus::kTimeout) {
    print_error("could not run: the LOTL could not be downloaded from " + store::url_host(o.lotl_url) + " (" +
                std::string(net::to_string(lotl_fetch.status)) +
                (lotl_fetch.error.empty() ? "" : ": " + lotl_fetch.error) + "): " + o.lotl_url);
    return kExitCouldNotRun;
  }
  return store::exit_code(report->snapshot, report->lotl_verified);
}

}  // namespace

void register_fetch(CLI::App& app, Runner& run) {
  auto opts = std::make_shared<FetchCliOptions>();
  CLI::App* cmd = app.add_subcommand("fetch", "Download, verify and store the LOTL and every national trusted list");
  cmd->add_option("--lotl-url", opts->lotl_url, "Where the LOTL is published (https; see --allow-http)")
      ->capture_default_str();
  cmd->add_flag("--allow-http", opts->allow_http,
                "Accept an http:// --lotl-url (unprotected: its signature is then the only defence). "
                "An https URL is never redirected to http; national lists the LOTL names at http:// "
                "URLs are fetched and flagged 'http-url'");
  cmd->add_option("--lotl-signers", opts->lotl_signers,
                  "PEM file of the LOTL signing certificates published in the Official Journal, each a CA or "
                  "a list signer (default: those the store's snapshot was made with, else the ones bundled "
                  "with eutl: see 'eutl anchors')");
  cmd->add_option("--cacert", opts->cacert, "CA certificates for HTTPS: a PEM bundle, or a directory of them in OpenSSL's hashed form (openssl rehash) (default: the system store, /etc/ssl/certs)");
  add_store_option(cmd, opts->store, "to refresh");
  add_at_option(cmd, opts->at, "Validation time");
  add_output_flags(cmd, opts->json, opts->quiet, opts->verbose,
                   "Say on stderr which store and snapshot were in use before the refresh");
  cmd->add_option("--timeout", opts->timeout, "Per-request total timeout in seconds")->capture_default_str();
  cmd->add_option("--connect-timeout", opts->connect_timeout,
                  "Per-request connect timeout (TCP and TLS handshake) in seconds")
      ->capture_default_str();
  cmd->add_option("--deadline", opts->deadline,
                  "Total time in seconds for the whole fetch (LOTL, pivots, lists, retries); a list not "
                  "obtained by then is reported as a timeout and its list in use is kept")
      ->capture_default_str();
  cmd->add_option("--max-size", opts->max_size, "Maximum size of one list in bytes")->capture_default_str();
  cmd->add_option("--retries", opts->retries, "Retries of transient failures (5xx, resets, timeouts)")
      ->capture_default_str();
  cmd->add_option("--parallel", opts->parallel, "Parallel downloads")->capture_default_str()->check(
      CLI::PositiveNumber);
  cmd->add_flag("--no-tls-resumption", opts->no_tls_resumption,
                "Make a full TLS handshake with every server, and keep no session for the next fetch (by default "
                "each server's session is kept in the store, owner-only, and resumed next time: RFC 8446 §2.2)");
  cmd->add_option("--connect-to", opts->connect_to,
                  "HOST:PORT:CONNECT-HOST:CONNECT-PORT, as curl's --connect-to (testing, mirrors)");
  cmd->footer(
      "A list with a lower TSLSequenceNumber than the one in use, or the same number with other bytes, never\n"
      "replaces it (ETSI TS 119 612 V2.4.1 §5.3.2): it is refused as 'rollback' or 'sequence-reused'.\n"
      "The text output says why each list was kept, refused or failed, and which territories the LOTL\n"
      "points to have no list ('missing').\n"
      "Examples: eutl fetch     (the EU LOTL, with the bundled Official Journal anchors)\n"
      "          eutl fetch --lotl-signers oj-C276-2019-lotl-signers.pem");
  cmd->callback([&run, opts] { run = [opts] { return run_with_store_note(*opts, run_fetch); }; });
}

}  // namespace eutl::cli
