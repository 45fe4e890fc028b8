// eutl serve [--listen 127.0.0.1:8080] [--store DIR] [--refresh EVERY] [--lotl-signers PEM] …
//
// The HTTP API, the web page and the operations routes over the store's current
// snapshot (include/eutl/server/serve.h), until SIGTERM or SIGINT.
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <regex>

#include "cli/anchors_in_use.h"
#include "cli/commands.h"
#include "cli/common_options.h"
#include "cli/fetch_report_json.h"
#include "cli/store_common.h"
#include "eutl/net/net_guard.h"
#include "eutl/server/serve.h"

namespace eutl::cli {
namespace {

struct ServeCliOptions {
  std::string listen = "127.0.0.1:8080";
  std::string store;
  std::string refresh = "6h";
  std::string lotl_signers;
  std::string evidence_dir;
  std::string evidence_keep = "90d";
  std::size_t evidence_max_records = 100'000;
  bool allow_site_checks = false;
  bool allow_private_sites = false;
  std::size_t max_body = 256 * 1024;
  std::size_t max_connections = 256;
  double read_timeout = 10;
  std::size_t threads = 4;
  bool quiet = false;
  bool read_only = false;
  std::string lotl_url = std::string(cache::kDefaultLotlUrl);
  bool allow_http = false;
  std::string cacert;
  bool no_tls_resumption = false;
  std::vector<std::string> connect_to;
  double deadline = 120;
  std::string now;  // hidden, tests only: a fixed evaluation time
};

// "6h", "30m", "90s", "1d", "0" (off); a bare number is seconds. `option` names the
// option in the message.
Result<std::chrono::seconds> parse_every(const std::string& text, const std::string& option = "--refresh") {
  static const std::regex kEvery(R"(^([0-9]{1,9})([smhd]?)$)");
  std::smatch m;
  if (!std::regex_match(text, m, kEvery)) {
    return Error(Errc::kUsage, option + " '" + text + "': give a number with s, m, h or d (6h, 30m), or 0 for never");
  }
  const long n = std::stol(m[1]);
  const std::string unit = m[2];
  const long factor = unit == "m" ? 60 : unit == "h" ? 3600 : unit == "d" ? 86400 : 1;
  return std::chrono::seconds(n * factor);
}

// "HOST:PORT" or "[V6]:PORT".
bool parse_listen(const std::string& text, server::ServerConfig& config) {
  static const std::regex kListen(R"(^(\[([0-9A-Fa-f:.]+)\]|([^:\[\]]+)):([0-9]{1,5})$)");
  std::smatch m;
  if (!std::regex_match(text, m, kListen) || std::stol(m[4]) > 65535) {
    return false;
  }
  config.listen_host = m[2].matched ? m[2].str() : m[3].str();
  config.listen_port = static_cast<std::uint16_t>(std::stol(m[4]));
  return true;
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

int run_serve(const ServeCliOptions& o) {
  server::ServerConfig config;
  if (!parse_listen(o.listen, config)) {
    print_error("--listen '" + o.listen + "': give HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080");
    return kExitUsage;
  }
  auto every = parse_every(o.refresh);
  if (!every) {
    print_error(every.error().message);
    return kExitUsage;
  }
  auto keep = o.evidence_keep == "forever" ? Result<std::chrono::seconds>(std::chrono::seconds{0})
                                            : parse_every(o.evidence_keep, "--evidence-keep");
  if (!keep) {
    print_error(keep.error().message);
    return kExitUsage;
  }
  tsl::TimePoint fixed_now{};
  if (!o.now.empty()) {
    auto t = store::parse_at(o.now);
    if (!t) {
      print_error("--now: " + t.error().message);
      return kExitUsage;
    }
    fixed_now = *t;
  }
  if (o.lotl_url.rfind("https://", 0) != 0 && !o.allow_http) {
    print_error("--lotl-url " + o.lotl_url +
                " is not https: anyone on the path could answer for it; pass --allow-http to accept that");
    return kExitUsage;
  }
  if (!(o.read_timeout > 0) || !(o.deadline > 0) || o.max_body == 0 || o.max_connections == 0 || o.threads == 0) {
    print_error("--read-timeout, --deadline, --max-body, --max-connections and --threads take a positive number");
    return kExitUsage;
  }
  if (!o.lotl_signers.empty()) {
    if (auto anchors = anchors_in_use(o.lotl_signers, nullptr); !anchors) {
      print_error(anchors.error().message);
      return kExitUsage;
    }
  }
  config.store = store::resolve_store(o.store);
  config.lotl_signers = o.lotl_signers;
  config.evidence_dir = o.evidence_dir.empty() ? config.store / "evidence" : std::filesystem::path(o.evidence_dir);
  config.evidence_keep = *keep;
  config.evidence_max_records = o.evidence_max_records;
  config.refresh_every = *every;
  config.lotl_url = o.lotl_url;
  config.allow_site_checks = o.allow_site_checks;
  config.allow_private_sites = o.allow_private_sites;
  config.max_body_bytes = o.max_body;
  config.max_connections = o.max_connections;
  config.read_timeout = std::chrono::milliseconds(static_cast<long>(o.read_timeout * 1000));
  if (!is_loopback(config.listen_host)) {
    std::cerr << "eutl: warning: listening on " << config.listen_host
              << ", not loopback: anyone who can reach it can use the API and POST /v1/refresh; "
                 "put it behind a TLS-terminating proxy that restricts /v1/refresh\n";
  }

  server::ServeEnvironment env;
  if (o.now.empty()) {
    env.clock = [] { return store::now(); };
  } else {
    env.clock = [fixed_now] { return fixed_now; };
  }
  env.fetch.cacert = o.cacert;
  env.fetch.user_agent = std::string("eutl/") + EUTL_VERSION;
  env.fetch.connect_to = o.connect_to;
  env.tls_resumption = !o.no_tls_resumption;
  env.fetch.deadline = std::chrono::milliseconds(static_cast<long>(std::min(o.deadline, 1e9) * 1000));
  env.verifier = store::production_verifier();
  env.lotl_anchors = [signers = o.lotl_signers](const cache::Store& st) -> Result<std::vector<tsl::Bytes>> {
    auto anchors = anchors_in_use(signers, &st);
    if (!anchors) {
      return anchors.error();
    }
    return std::move(anchors->certificates);
  };
  env.fetch_report_json = [](const cache::RefreshReport& report, tsl::TimePoint at) {
    return store::fetch_report_json(report, at).dump();
  };
  // A client that goes away must not end the process: its socket errors are handled.
  std::signal(SIGPIPE, SIG_IGN);
  env.messages = &std::cerr;
  env.access_log = !o.quiet;
  env.read_only = o.read_only;
  env.threads = o.threads;
  if (!o.read_only) {
    // Before the server's threads: libcurl, for refreshes, without GnuTLS's start-up work.
    (void)net::ensure_curl_without_gnutls_init();
  }
  auto served = server::run_server(config, env);
  if (!served) {
    print_error(served.error().message);
    return exit_code_for(served.error());
  }
  return kExitYes;
}

}  // namespace

void register_serve(CLI::App& app, Runner& run) {
  auto opts = std::make_shared<ServeCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve the HTTP API, the web page and the operations routes over the store's current snapshot");
  cmd->add_option("--listen", opts->listen,
                  "HOST:PORT to listen on; loopback unless told otherwise (port 0: any free port, printed)")
      ->type_name("HOST:PORT")
      ->capture_default_str();
  add_store_option(cmd, opts->store, "whose current snapshot is served and which a refresh fills");
  cmd->add_option("--refresh", opts->refresh,
                  "Refresh the store from the network every EVERY (30m, 6h, 1d; 0: only on POST /v1/refresh); "
                  "the first at once when the store has no snapshot")
      ->type_name("EVERY")
      ->capture_default_str();
  cmd->add_option("--lotl-signers", opts->lotl_signers,
                  "PEM file of the LOTL signing certificates published in the Official Journal, for refreshes "
                  "(default: those the store's snapshot was made with, else the ones bundled with eutl)")
      ->type_name("PEM");
  cmd->add_option("--evidence-dir", opts->evidence_dir,
                  "Where POST /v1/check keeps its evidence records (default: STORE/evidence)")
      ->type_name("DIR");
  cmd->add_option("--evidence-keep", opts->evidence_keep,
                  "Remove evidence records older than AGE (file time; 30d, 12h; 0 or forever: no age limit)")
      ->type_name("AGE")
      ->capture_default_str();
  cmd->add_option("--evidence-max-records", opts->evidence_max_records,
                  "Keep at most N evidence records, removing the oldest first (0: no count limit)")
      ->type_name("N")
      ->capture_default_str();
  cmd->add_flag("--allow-site-checks", opts->allow_site_checks,
                "Enable POST /v1/check-site (the server then connects to hosts its clients name)");
  cmd->add_flag("--allow-private-sites", opts->allow_private_sites,
                "Let site checks reach loopback, private and link-local addresses (off: refused, against SSRF)");
  cmd->add_option("--max-body", opts->max_body, "Largest request body in bytes; larger: 413")
      ->type_name("BYTES")
      ->capture_default_str();
  cmd->add_option("--max-connections", opts->max_connections,
                  "Connections open at once; more: 503 and closed")
      ->capture_default_str();
  cmd->add_option("--read-timeout", opts->read_timeout,
                  "Seconds a client has to send a whole request (and an idle connection stays open)")
      ->capture_default_str();
  cmd->add_option("--threads", opts->threads, "Request threads")->capture_default_str();
  cmd->add_flag("--read-only", opts->read_only,
                "A replica of a store another process writes: a refresh (--refresh, POST /v1/refresh) only "
                "loads the store's current snapshot, never downloads");
  cmd->add_flag("-q,--quiet", opts->quiet, "No access log (one JSON line per request on stderr)");
  cmd->add_option("--lotl-url", opts->lotl_url, "Where a refresh downloads the LOTL (https; see --allow-http)")
      ->capture_default_str();
  cmd->add_flag("--allow-http", opts->allow_http, "Accept an http:// --lotl-url (only its signature protects it)");
  cmd->add_option("--cacert", opts->cacert, "CA certificates for refreshes: a PEM bundle, or a directory of them in OpenSSL's hashed form (openssl rehash) (default: the system store, /etc/ssl/certs)");
  cmd->add_flag("--no-tls-resumption", opts->no_tls_resumption,
                "Make a full TLS handshake with every server at each refresh, and keep no session (by default "
                "each server's session is kept in the store, owner-only, and resumed by the next refresh or "
                "`eutl fetch`: RFC 8446 §2.2)");
  cmd->add_option("--connect-to", opts->connect_to,
                  "HOST:PORT:CONNECT-HOST:CONNECT-PORT for refreshes, as curl's --connect-to (testing, mirrors)");
  cmd->add_option("--deadline", opts->deadline, "Seconds one refresh may take in all")->capture_default_str();
  // Tests only: every request and refresh is evaluated at this instant instead of the
  // wall clock, so that fixture lists (valid in 2025) can be served. Hidden.
  cmd->add_option("--now", opts->now)->group("");
  cmd->footer(
      "Routes: GET /healthz (alive), GET /readyz (200 when a verified snapshot with a valid, unexpired LOTL\n"
      "(ETSI TS 119 612 §5.3.15) and a usable national list is served, else 503 and why), GET /metrics\n"
      "(Prometheus), POST /v1/refresh (refresh now), the /v1 JSON API (/v1/openapi.json) and the web page at /.\n"
      "A refresh is 'eutl fetch' with conditional GET; its new snapshot is switched in atomically and requests\n"
      "in flight finish on the one they started with. Errors are JSON {\"schema\":\"eutl-error/1\",\"error\":\n"
      "{\"code\",\"message\"}}. SIGTERM or SIGINT: stop accepting, finish the requests in flight, exit 0.\n"
      "Evidence records are pruned (--evidence-keep, --evidence-max-records) at start-up, every 10 minutes and\n"
      "when the count is passed; a --read-only replica prunes nothing. A client keeps the records it needs.\n"
      "docs/serve.md: limits, metrics, evidence retention, deployment behind a load balancer, the systemd unit.\n"
      "Examples: eutl serve                                  (127.0.0.1:8080, refresh every 6h)\n"
      "          eutl serve --listen 0.0.0.0:8080 --refresh 30m --store /var/lib/eutl\n"
      "          eutl serve --read-only --refresh 5m --quiet (a replica of a store another process fills)\n"
      "          curl -s localhost:8080/readyz; curl -s -X POST localhost:8080/v1/refresh");
  cmd->callback([&run, opts] { run = [opts] { return run_serve(*opts); }; });
}

}  // namespace eutl::cli
