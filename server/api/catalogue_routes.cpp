// The read-only routes over the snapshot in use (server/api/catalogue_routes.h).
#include "server/api/catalogue_routes.h"

#include "eutl/anchors_in_use.h"
#include "eutl/ca_export.h"
#include "eutl/cache/snapshot_freshness.h"
#include "eutl/service_list.h"
#include "eutl/status_json.h"
#include "eutl/tsl/bytes.h"
#include "eutl/verify/certificate_profile.h"
#include "server/api/openapi_document.h"

namespace eutl::server {
namespace {

Response no_lists(const RequestContext& context) {
  return json_error(503, "no_lists", context.lists_problem.empty() ? "no verified snapshot of the trusted lists is loaded"
                                                                   : context.lists_problem);
}

std::string param(const Request& request, const char* name) {
  const auto it = request.query.find(name);
  return it == request.query.end() ? std::string() : it->second;
}

std::vector<std::string> params(const Request& request, const char* name) {
  std::string value = param(request, name);
  return value.empty() ? std::vector<std::string>{} : std::vector<std::string>{std::move(value)};
}

// The service's store, when it has been filled (opening creates nothing then).
std::optional<cache::Store> open_store(const ServerConfig& config) {
  std::error_code ec;
  if (!std::filesystem::is_directory(config.store / "snapshots", ec)) {
    return std::nullopt;
  }
  auto store = cache::Store::open(config.store);
  return store ? std::optional<cache::Store>(std::move(*store)) : std::nullopt;
}

// The certificates of the `cert` parameter: PEM, or base64 DER (either alphabet).
Result<std::vector<verify::CertificateProfile>> identity_certificates(std::string text) {
  if (text.find("-----BEGIN") == std::string::npos) {
    for (char& c : text) {
      c = c == '-' ? '+' : c == '_' ? '/' : c == ' ' ? '+' : c;  // base64url, or '+' read as a space
    }
    auto der = tsl::base64_decode(text);
    if (!der) {
      return Error(Errc::kUsage, "cert: neither PEM nor base64 DER: " + der.error().message);
    }
    text.assign(der->begin(), der->end());
  }
  auto ders = verify::read_certificate_bytes(tsl::as_bytes(text), "cert");
  if (!ders) {
    return std::move(ders).error();
  }
  return read_certificates(*ders);
}

}  // namespace

Response status_route(const Request&, const RequestContext& context) {
  auto store = open_store(context.config);
  if (!store) {
    return no_lists(context);
  }
  // The snapshot this request runs on, else the store's current one.
  const std::string id = context.lists && !context.lists->snapshot_id().empty() ? context.lists->snapshot_id()
                                                                                 : std::string("current");
  StatusMemo fresh;  // when the request has no memo of its snapshot's
  auto status = (context.status ? *context.status : fresh).basis(*store, id);
  if (!status) {
    return no_lists(context);
  }
  cache::apply_freshness(status->snapshot, context.now);
  status->at = context.now;
  return json_response(status_json(*status) + "\n");
}

Response services_route(const Request& request, const RequestContext& context) {
  if (!context.lists) {
    return no_lists(context);
  }
  ServiceListQuery query{params(request, "territory"), param(request, "name"),  params(request, "type"),
                         params(request, "status"),    param(request, "for"),   param(request, "qualified-at"),
                         std::nullopt};
  if (const std::string cert = param(request, "cert"); !cert.empty()) {
    auto certificates = identity_certificates(cert);
    if (!certificates) {
      return json_error(400, "bad_certificate", certificates.error().message);
    }
    query.identity = std::move(*certificates);
  }
  auto listing = list_services(*context.lists, query, "");
  if (!listing) {
    return json_error(400, "bad_filter", listing.error().message);
  }
  if (no_usable_list(listing->warnings)) {
    return json_error(503, "no_usable_list", listing->warnings.back().message);
  }
  return json_response(service_list_json(*context.lists, *listing) + "\n");
}

Response service_route(const Request& request, const RequestContext& context) {
  // The ID TERRITORY/TSP/SERVICE is the path itself: /v1/services/AT/1/2.
  std::string text;
  for (const char* part : {"territory", "tsp", "service"}) {
    const auto it = request.path_params.find(part);
    text += (text.empty() ? "" : "/") + (it == request.path_params.end() ? std::string() : it->second);
  }
  auto id = parse_service_id(text);
  if (!id) {
    return json_error(400, "bad_id", id.error().message);
  }
  if (!context.lists) {
    return no_lists(context);
  }
  auto pos = find_service(context.lists->index(), *id);
  if (!pos) {
    return json_error(404, "not_found", "no service " + to_string(*id) + " in the valid lists");
  }
  return json_response(show_service_json(context.lists->index().service(*pos)) + "\n");
}

Response export_route(const Request& request, const RequestContext& context) {
  std::optional<verify::CertType> use;
  if (const std::string f = param(request, "for"); !f.empty()) {
    if (f != "esig" && f != "eseal" && f != "wsa") {
      return json_error(400, "bad_use", "for: '" + f + "' is not esig, eseal or wsa");
    }
    use = *parse_use(f);
  }
  if (!context.lists) {
    return no_lists(context);
  }
  Response response;
  response.content_type = "application/x-pem-file";
  response.body = export_ca_certificates(*context.lists, context.now, use, EUTL_VERSION).pem;
  return response;
}

Response anchors_route(const Request&, const RequestContext& context) {
  auto store = open_store(context.config);
  auto anchors = anchors_in_use(context.config.lotl_signers.string(), store ? &*store : nullptr);
  if (!anchors) {
    return json_error(500, "anchors_unreadable", anchors.error().message);
  }
  return json_response(anchors_json(*anchors) + "\n");
}

Response openapi_route(const Request&, const RequestContext&) {
  return json_response(std::string(openapi_document()));
}

}  // namespace eutl::server
