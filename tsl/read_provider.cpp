// TrustServiceProvider, TSPService, ServiceHistoryInstance (TS 119 612 V2.4.1 §5.4–5.6).
#include "tsl/detail/read_context.h"

namespace eutl::tsl::detail {
namespace {

// The fields ServiceInformation and ServiceHistoryInstance share.
ServiceState read_state(ReadContext& ctx, XmlNode n) {
  ServiceState s;
  s.line = n.line();
  s.type_uri = n.child(ns::kTsl, "ServiceTypeIdentifier").text();
  s.type = classify_service_type(s.type_uri);
  if (s.type_uri.empty()) {
    ctx.warn("service-type-missing", "service without ServiceTypeIdentifier", n.line());
  }
  s.name = read_multilang(ctx, n.child(ns::kTsl, "ServiceName"), "Name");
  s.identity = read_digital_identity(ctx, n.child(ns::kTsl, "ServiceDigitalIdentity"));
  s.status_uri = n.child(ns::kTsl, "ServiceStatus").text();
  s.status = classify_service_status(s.status_uri);
  if (s.status == ServiceStatus::kUnknown) {
    ctx.warn("service-status-unknown", "unknown service status '" + s.status_uri + "'", n.line());
  }
  XmlNode start = n.child(ns::kTsl, "StatusStartingTime");
  s.status_start = read_time(ctx, start, "StatusStartingTime");
  if (!start) {
    ctx.warn("status-start-missing", "service status without StatusStartingTime", n.line());
  }
  s.extensions = read_service_extensions(ctx, n.child(ns::kTsl, "ServiceInformationExtensions"));
  return s;
}

TrustService read_service(ReadContext& ctx, XmlNode svc) {
  TrustService out;
  XmlNode info = svc.child(ns::kTsl, "ServiceInformation");
  out.current = read_state(ctx, info);
  out.scheme_service_definition_uris =
      read_uri_list(info.child(ns::kTsl, "SchemeServiceDefinitionURI"), "URI");
  out.supply_points = read_uri_list(info.child(ns::kTsl, "ServiceSupplyPoints"), "ServiceSupplyPoint");
  out.tsp_service_definition_uris = read_uri_list(info.child(ns::kTsl, "TSPServiceDefinitionURI"), "URI");
  for (XmlNode h : children(svc.child(ns::kTsl, "ServiceHistory"), ns::kTsl, "ServiceHistoryInstance")) {
    out.history.push_back(read_state(ctx, h));
  }
  // §5.5.10: history instances are listed newest first; out of order is worth a warning
  // because period computation relies on the order.
  std::optional<TimePoint> newer = out.current.status_start;
  for (const auto& h : out.history) {
    if (newer && h.status_start && *h.status_start > *newer) {
      ctx.warn("history-order", "ServiceHistoryInstance starts after the entry above it", h.line);
    }
    if (h.status_start) newer = h.status_start;
  }
  return out;
}

}  // namespace

TrustServiceProvider read_provider(ReadContext& ctx, XmlNode tsp) {
  TrustServiceProvider out;
  XmlNode info = tsp.child(ns::kTsl, "TSPInformation");
  out.name = read_multilang(ctx, info.child(ns::kTsl, "TSPName"), "Name");
  out.trade_name = read_multilang(ctx, info.child(ns::kTsl, "TSPTradeName"), "Name");
  out.address = read_address(ctx, info.child(ns::kTsl, "TSPAddress"));
  out.information_uris = read_multilang_uris(ctx, info.child(ns::kTsl, "TSPInformationURI"));
  for (XmlNode svc : children(tsp.child(ns::kTsl, "TSPServices"), ns::kTsl, "TSPService")) {
    out.services.push_back(read_service(ctx, svc));
  }
  return out;
}

}  // namespace eutl::tsl::detail
