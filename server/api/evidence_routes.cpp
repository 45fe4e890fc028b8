// The evidence routes (server/api/evidence_routes.h).
#include "server/api/evidence_routes.h"

#include "eutl/anchors_in_use.h"
#include "eutl/evidence/evidence.h"
#include "eutl/evidence_verify_json.h"
#include "server/api/evidence_store.h"

namespace eutl::server {
namespace {

struct Loaded final {
  std::string record;
  std::optional<Response> refusal;
};

Loaded load(const Request& request, const RequestContext& context) {
  Loaded out;
  const auto id = request.path_params.find("id");
  if (id == request.path_params.end() || !is_evidence_id(id->second)) {
    out.refusal = json_error(400, "bad_id", "an evidence ID is the record's SHA-256: 64 lower-case hexadecimal characters");
    return out;
  }
  auto record = read_evidence(context.config, id->second);
  if (!record) {
    out.refusal = record.error().code == Errc::kIo ? json_error(500, "read_failed", record.error().message)
                                                   : json_error(404, "not_found", record.error().message);
    return out;
  }
  out.record = std::move(*record);
  return out;
}

// Re-verification as `eutl evidence verify --store STORE [--lotl-signers PEM]`: the
// lists from the service's store, the anchors given to the service, else those the
// store recorded, else the bundled ones; never the record's own.
Result<evidence::EvidenceCheck> reverify(const std::string& record, const ServerConfig& config) {
  evidence::EvidenceSources sources;
  std::optional<cache::Store> store;
  std::error_code ec;
  if (std::filesystem::is_directory(config.store / "snapshots", ec)) {
    auto opened = cache::Store::open(config.store);
    if (opened) {
      store = std::move(*opened);
      sources.store = config.store;
    }
  }
  auto anchors = anchors_in_use(config.lotl_signers.string(), store ? &*store : nullptr);
  if (!anchors) {
    return std::move(anchors).error();
  }
  if (anchors->origin == AnchorOrigin::kStore) {
    return evidence::verify_evidence(record, sources);  // those the store recorded for the record's snapshot
  }
  sources.trusted_anchors_origin = anchors->origin == AnchorOrigin::kBundled
                                       ? "the Official Journal anchors bundled with eutl"
                                       : "the LOTL anchors of " + anchors->from;
  sources.trusted_anchors = std::move(anchors->certificates);
  return evidence::verify_evidence(record, sources);
}

}  // namespace

Response evidence_route(const Request& request, const RequestContext& context) {
  Loaded l = load(request, context);
  if (l.refusal) {
    return *l.refusal;
  }
  return json_response(std::move(l.record));
}

Response evidence_verify_route(const Request& request, const RequestContext& context) {
  Loaded l = load(request, context);
  if (l.refusal) {
    return *l.refusal;
  }
  auto check = reverify(l.record, context.config);
  if (!check) {
    return json_error(500, "verify_failed", check.error().message);
  }
  return json_response(evidence_verify_json(*check) + "\n");
}

Response evidence_report_route(const Request& request, const RequestContext& context) {
  Loaded l = load(request, context);
  if (l.refusal) {
    return *l.refusal;
  }
  auto check = reverify(l.record, context.config);
  if (!check) {
    return json_error(500, "verify_failed", check.error().message);
  }
  if (!check->same) {
    return json_error(409, "not_reverified",
                      "the record does not re-verify (" + std::string(evidence::to_string(check->outcome)) +
                          "): no report; GET /v1/evidence/{id}/verify says why");
  }
  auto html = evidence::evidence_html(l.record, evidence::RecordProvenance::kReVerified);
  if (!html) {
    return json_error(500, "report_failed", html.error().message);
  }
  Response response;
  response.content_type = "text/html; charset=utf-8";
  response.body = std::move(*html);
  // The report is one self-contained page with an inline stylesheet and no script
  // (docs/evidence-schema.md): allow exactly that, nothing from anywhere.
  response.headers.emplace_back("Content-Security-Policy",
                                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
  return response;
}

}  // namespace eutl::server
