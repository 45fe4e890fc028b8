// POST /v1/check-site (server/api/site_route.h).
#include "server/api/site_route.h"

#include <nlohmann/json.hpp>

#include "eutl/check_site.h"
#include "eutl/claim_for.h"
#include "eutl/net/tls_chain.h"
#include "eutl/outcome.h"
#include "server/api/address_policy.h"

namespace eutl::server {
namespace {

struct SiteRequest final {
  std::string host;
  std::uint16_t port = 443;
  std::string claim = "qwac";
};

std::optional<Response> read_site_request(const Request& request, SiteRequest& out) {
  if (request.content_type != "application/json") {
    return json_error(415, "unsupported_media_type", "send {\"host\": …, \"port\": 443, \"claim\": \"qwac\"} as application/json");
  }
  const nlohmann::json doc = nlohmann::json::parse(request.body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return json_error(400, "bad_json", "the body is not a JSON object");
  }
  const auto host = doc.find("host");
  if (host == doc.end() || !host->is_string() || host->get<std::string>().empty()) {
    return json_error(400, "bad_json", "\"host\" (a host name or IP address) is required");
  }
  out.host = host->get<std::string>();
  if (out.host.size() > 253 || out.host.find_first_of("/@?#[]% \t\r\n") != std::string::npos) {
    return json_error(400, "bad_host", "\"host\" must be a host name or an IP address, without scheme, port or path");
  }
  if (const auto port = doc.find("port"); port != doc.end()) {
    if (!port->is_number_integer() || port->get<long long>() < 1 || port->get<long long>() > 65535) {
      return json_error(400, "bad_json", "\"port\" must be an integer from 1 to 65535");
    }
    out.port = static_cast<std::uint16_t>(port->get<long long>());
  }
  if (const auto claim = doc.find("claim"); claim != doc.end()) {
    if (!claim->is_string()) {
      return json_error(400, "bad_json", "\"claim\" must be a string");
    }
    out.claim = claim->get<std::string>();
  }
  if (auto parsed = parse_claim_for(out.claim, "claim"); !parsed) {
    return json_error(400, "bad_claim", parsed.error().message);
  }
  return std::nullopt;
}

// The first address of `host` the policy allows; a 403 or 502 naming why none is.
std::optional<Response> pick_address(const std::string& host, const ServerConfig& config, std::string& address) {
  auto addresses = resolve_host(host);
  if (!addresses) {
    return json_error(502, "resolve_failed", addresses.error().message);
  }
  std::string refused;
  for (const std::string& a : *addresses) {
    const AddressClass c = classify_address(a);
    if (c == AddressClass::kPublic || (config.allow_private_sites && c != AddressClass::kInvalid)) {
      address = a;
      return std::nullopt;
    }
    refused += (refused.empty() ? "" : ", ") + a + " (" + std::string(to_string(c)) + ")";
  }
  return json_error(403, "address_not_allowed",
                    host + " resolves only to addresses this service does not connect to: " + refused +
                        " (eutl serve --allow-private-sites allows them)");
}

}  // namespace

Response check_site_route(const Request& request, const RequestContext& context) {
  if (!context.config.allow_site_checks) {
    return json_error(403, "site_checks_disabled", "site checks are disabled (eutl serve --allow-site-checks enables them)");
  }
  SiteRequest site;
  if (auto refusal = read_site_request(request, site)) {
    return *refusal;
  }
  if (!context.lists) {
    return json_error(503, "no_lists", context.lists_problem.empty() ? "no verified snapshot of the trusted lists is loaded"
                                                                     : context.lists_problem);
  }
  std::string address;
  if (auto refusal = pick_address(site.host, context.config, address)) {
    return *refusal;
  }
  // The checked address itself, so no second DNS answer can send us elsewhere; the
  // name goes in the SNI when it is one.
  net::TlsTarget target{address, site.port, classify_address(site.host) == AddressClass::kInvalid ? site.host : ""};
  net::TlsChainOptions options;
  options.connect_timeout = std::chrono::milliseconds(5000);
  options.handshake_timeout = options.connect_timeout;
  auto tls = net::fetch_tls_chain(target, options);
  if (!tls) {
    return json_error(502, "site_unreachable", tls.error().message);
  }
  auto certificates = read_certificates(tls->certificates);
  if (!certificates) {
    return json_error(502, "bad_site_certificate", "the server's chain: " + certificates.error().message);
  }
  const std::vector<verify::CertificateProfile> chain(certificates->begin() + 1, certificates->end());
  auto result = context.lists->check(certificates->front(), chain, context.now, *parse_claim_for(site.claim, "claim"));
  if (!result) {
    return json_error(500, "check_failed", result.error().message);
  }
  SiteName name{site.host, verify::match_hostname(certificates->front(), site.host)};
  apply_hostname(name, *result);
  context.verdicts.count_verdict(answer_of(*result));
  return json_response(check_site_json(*tls, *certificates, name, *result, *context.lists) + "\n");
}

}  // namespace eutl::server
