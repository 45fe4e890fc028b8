#include "eutl/tsl/parser.h"

#include "tsl/detail/read_context.h"

namespace eutl::tsl {

Result<TrustedList> read_trusted_list(const XmlDocument& doc) {
  using detail::XmlNode;
  const std::string& source = doc.source();
  XmlNode root(::xmlDocGetRootElement(detail::native_document(doc)));
  if (!root.is(ns::kTsl, "TrustServiceStatusList")) {
    return Error(Errc::kMalformed, source + ": not a trusted list (root element is {" + std::string(root.ns()) +
                                       "}" + std::string(root.local_name()) + ")");
  }
  TrustedList out;
  detail::ReadContext ctx{source, out.warnings, {}};
  out.tsl_tag = std::string(root.attr("TSLTag"));
  out.id = std::string(root.attr("Id"));
  XmlNode si = root.child(ns::kTsl, "SchemeInformation");
  if (!si) {
    return Error(Errc::kMalformed, source + ": SchemeInformation missing");
  }
  auto scheme = detail::read_scheme_information(ctx, si);
  if (!scheme) {
    return std::move(scheme).error();
  }
  out.scheme = std::move(*scheme);
  for (XmlNode tsp : detail::children(root.child(ns::kTsl, "TrustServiceProviderList"), ns::kTsl,
                                      "TrustServiceProvider")) {
    out.providers.push_back(detail::read_provider(ctx, tsp));
  }
  out.has_signature = static_cast<bool>(root.child(ns::kDs, "Signature"));
  return out;
}

Result<TrustedList> parse_trusted_list(ByteView bytes, std::string source, const ParseLimits& limits) {
  auto doc = XmlDocument::parse(bytes, std::move(source), limits);
  if (!doc) {
    return std::move(doc).error();
  }
  return read_trusted_list(*doc);
}

bool ServiceExtensions::has_unknown_critical() const noexcept {
  for (const auto& u : unknown) {
    if (u.critical) return true;
  }
  return false;
}

bool ServiceExtensions::has(AdditionalInfo kind) const noexcept {
  for (const auto& a : additional_information) {
    if (a.kind == kind) return true;
  }
  return false;
}

std::size_t OtherTslPointer::certificate_count() const noexcept {
  std::size_t n = 0;
  for (const auto& id : identities) n += id.certificates.size();
  return n;
}

std::size_t TrustedList::service_count() const noexcept {
  std::size_t n = 0;
  for (const auto& p : providers) n += p.services.size();
  return n;
}

std::size_t TrustedList::certificate_count() const noexcept {
  std::size_t n = 0;
  for (const auto& p : providers) {
    for (const auto& s : p.services) n += s.current.identity.certificates.size();
  }
  return n;
}

}  // namespace eutl::tsl
