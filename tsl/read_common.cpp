// Readers for the value types shared by every part of a list.
#include <strings.h>

#include "tsl/detail/read_context.h"

namespace eutl::tsl {

std::string_view MultiLangString::preferred() const noexcept {
  if (values.empty()) return {};
  for (const auto& v : values) {
    if (::strcasecmp(v.lang.c_str(), "en") == 0) return v.value;
  }
  for (const auto& v : values) {
    if (v.lang.size() > 3 && ::strncasecmp(v.lang.c_str(), "en-", 3) == 0) return v.value;
  }
  return values.front().value;
}

namespace detail {

MultiLangString read_multilang(ReadContext& ctx, XmlNode parent, std::string_view child_local) {
  MultiLangString out;
  for (XmlNode n : children(parent, ns::kTsl, child_local)) {
    std::string lang(n.attr(ns::kXml, "lang"));
    if (lang.empty()) {
      ctx.warn("lang-missing", std::string(child_local) + " without xml:lang", n.line());
    }
    out.values.push_back(LangString{std::move(lang), n.text()});
  }
  return out;
}

namespace {

// xsd:anyURI accepts almost anything; these are the mistakes seen in real lists
// (LV seq 41: "https://https://…", an empty port) that a reader should hear about.
const char* uri_problem(std::string_view uri) {
  if (uri.empty()) return "empty URI";
  if (uri.find_first_of(" \t\r\n") != std::string_view::npos) return "white space inside the URI";
  auto colon = uri.find(':');
  if (colon == std::string_view::npos || colon == 0) return "no scheme";
  auto scheme = uri.substr(0, colon);
  if (scheme == "http" || scheme == "https") {
    if (uri.substr(colon, 3) != "://") return "http(s) URI without '//' authority";
    auto rest = uri.substr(colon + 3);
    auto authority = rest.substr(0, rest.find_first_of("/?#"));
    if (authority.empty()) return "empty host";
    if (authority.back() == ':') return "empty port after the host (doubled scheme?)";
  }
  return nullptr;
}

}  // namespace

void check_uri(ReadContext& ctx, std::string_view uri, long line) {
  if (const char* why = uri_problem(uri)) {
    ctx.warn("uri-malformed", "malformed URI '" + std::string(uri) + "': " + why, line);
  }
}

MultiLangString read_multilang_uris(ReadContext& ctx, XmlNode parent) {
  MultiLangString out = read_multilang(ctx, parent, "URI");
  for (const auto& v : out.values) check_uri(ctx, v.value, parent.line());
  return out;
}

std::vector<std::string> read_uri_list(XmlNode parent, std::string_view child_local) {
  std::vector<std::string> out;
  for (XmlNode n : children(parent, ns::kTsl, child_local)) out.push_back(n.text());
  return out;
}

Address read_address(ReadContext& ctx, XmlNode address) {
  Address out;
  for (XmlNode p : children(address.child(ns::kTsl, "PostalAddresses"), ns::kTsl, "PostalAddress")) {
    PostalAddress a;
    a.lang = std::string(p.attr(ns::kXml, "lang"));
    a.street = p.child(ns::kTsl, "StreetAddress").text();
    a.locality = p.child(ns::kTsl, "Locality").text();
    a.state_or_province = p.child(ns::kTsl, "StateOrProvince").text();
    a.postal_code = p.child(ns::kTsl, "PostalCode").text();
    a.country = p.child(ns::kTsl, "CountryName").text();
    out.postal.push_back(std::move(a));
  }
  out.electronic = read_multilang_uris(ctx, address.child(ns::kTsl, "ElectronicAddress"));
  return out;
}

std::optional<TimePoint> read_time(ReadContext& ctx, XmlNode element, std::string_view what) {
  if (!element) return std::nullopt;
  std::string text = element.text();
  auto t = parse_datetime(text);
  if (!t) {
    ctx.warn("time-invalid", std::string(what) + ": " + t.error().message, element.line());
    return std::nullopt;
  }
  if (!t->had_zone) {
    ctx.warn("time-no-zone", std::string(what) + " '" + text + "' has no time zone; UTC assumed", element.line());
  }
  return t->time;
}

namespace {

// Some publishers wrap the base64 in PEM armour; xsd:base64Binary does not allow it,
// but the certificate is unambiguous, so accept it with a warning.
std::string_view strip_pem_armour(ReadContext& ctx, std::string_view text, long line) {
  auto begin = text.find("-----BEGIN");
  if (begin == std::string_view::npos) return text;
  ctx.warn("cert-pem-armour", "X509Certificate holds PEM armour", line);
  auto body = text.find('\n', text.find("-----", begin + 10));
  auto end = text.find("-----END");
  if (body == std::string_view::npos || end == std::string_view::npos || end < body) return text;
  return text.substr(body, end - body);
}

}  // namespace

DigitalIdentity read_digital_identity(ReadContext& ctx, XmlNode sdi) {
  DigitalIdentity out;
  for (XmlNode id : children(sdi, ns::kTsl, "DigitalId")) {
    for (XmlNode c = id.first_element(); c; c = c.next_element()) {
      auto local = c.local_name();
      if (c.ns() == ns::kTsl && local == "X509Certificate") {
        std::string_view text = strip_pem_armour(ctx, c.text(ctx.scratch), c.line());
        auto der = base64_decode(text);
        if (!der) {
          ctx.warn("cert-base64", "X509Certificate: " + der.error().message, c.line());
          continue;
        }
        auto blob = CertificateBlob::from_der(std::move(*der));
        if (!blob) {
          ctx.warn("cert-unparsable", "X509Certificate: " + blob.error().message, c.line());
          continue;
        }
        out.certificates.push_back(ListedCertificate{std::move(*blob), c.line()});
      } else if (c.ns() == ns::kTsl && local == "X509SubjectName") {
        out.subject_names.push_back(c.text());
      } else if (c.ns() == ns::kTsl && local == "X509SKI") {
        auto ski = base64_decode(c.text(ctx.scratch));
        if (!ski) {
          ctx.warn("ski-base64", "X509SKI: " + ski.error().message, c.line());
          continue;
        }
        out.skis.push_back(std::move(*ski));
      } else if (c.ns() == ns::kDs && local == "KeyValue") {
        XmlNode key = c.first_element();
        out.key_values.push_back(key ? std::string(key.local_name()) : std::string("KeyValue"));
      } else {
        out.other.push_back(c.text());
      }
    }
  }
  return out;
}

}  // namespace detail
}  // namespace eutl::tsl
