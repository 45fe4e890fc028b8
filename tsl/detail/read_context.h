// Shared state and small readers for the parse_*.cpp stages.
#pragma once

#include <string>
#include <vector>

#include "eutl/tsl/model.h"
#include "tsl/detail/xml_node.h"

namespace eutl::tsl::detail {

struct ReadContext final {
  const std::string& source;
  std::vector<Diagnostic>& warnings;
  std::string scratch;

  void warn(std::string code, std::string message, long line) {
    warnings.push_back(Diagnostic{std::move(code), std::move(message), line});
  }
};

// InternationalNamesType / MultiLang URI lists: every `child_local` child of `parent`.
MultiLangString read_multilang(ReadContext& ctx, XmlNode parent, std::string_view child_local);
// A MultiLang list of URI children, each checked by check_uri.
MultiLangString read_multilang_uris(ReadContext& ctx, XmlNode parent);
// Warns (code "uri-malformed") about a URI a reader should not trust blindly.
void check_uri(ReadContext& ctx, std::string_view uri, long line);
// Every `child_local` child's text.
std::vector<std::string> read_uri_list(XmlNode parent, std::string_view child_local);
Address read_address(ReadContext& ctx, XmlNode address);
// ServiceDigitalIdentity (or a pointer's ServiceDigitalIdentity).
DigitalIdentity read_digital_identity(ReadContext& ctx, XmlNode sdi);
std::optional<TimePoint> read_time(ReadContext& ctx, XmlNode element, std::string_view what);
ServiceExtensions read_service_extensions(ReadContext& ctx, XmlNode extensions);
TrustServiceProvider read_provider(ReadContext& ctx, XmlNode tsp);
Result<SchemeInformation> read_scheme_information(ReadContext& ctx, XmlNode scheme);

}  // namespace eutl::tsl::detail
