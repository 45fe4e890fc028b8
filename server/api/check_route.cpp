// POST /v1/check (server/api/api_routes.h): a certificate as PEM or DER, or JSON
// {"certificate", "chain", "claim", "at"}, decided by run_check. The answer is the
// `eutl check --json` object with one more key, "evidence_id", first.
#include "server/api/check_route.h"

#include <nlohmann/json.hpp>

#include "eutl/claim_for.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/certificate_profile.h"
#include "server/api/check_service.h"

namespace eutl::server {
namespace {

// Media types a certificate body may come as (RFC 7468 PEM text, RFC 2585 DER).
bool certificate_media_type(std::string_view type) {
  return type.empty() || type == "application/pkix-cert" || type == "application/octet-stream" ||
         type == "application/x-pem-file" || type == "application/x-x509-ca-cert" || type == "text/plain";
}

struct Input final {
  CheckInput check;
  std::optional<Response> refusal;
};

Input refuse(int status, std::string_view code, std::string_view message) {
  Input in;
  in.refusal = json_error(status, code, message);
  return in;
}

// The certificates of one PEM text (one or more) or DER, appended to `out`.
std::optional<std::string> add_certificates(tsl::ByteView bytes, std::string_view name, std::vector<tsl::Bytes>& out) {
  auto ders = verify::read_certificate_bytes(bytes, name);
  if (!ders) {
    return ders.error().message;
  }
  out.insert(out.end(), ders->begin(), ders->end());
  return std::nullopt;
}

// A JSON string holding PEM, or the base64 of DER.
std::optional<std::string> add_text_certificate(const std::string& text, std::string_view name,
                                                std::vector<tsl::Bytes>& out) {
  if (text.find("-----BEGIN") != std::string::npos) {
    return add_certificates(tsl::as_bytes(text), name, out);
  }
  auto der = tsl::base64_decode(text);
  if (!der) {
    return std::string(name) + ": neither PEM nor base64 DER: " + der.error().message;
  }
  return add_certificates(*der, name, out);
}

Input from_json(const std::string& body) {
  const nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return refuse(400, "bad_json", "the body is not a JSON object");
  }
  Input in;
  const auto certificate = doc.find("certificate");
  if (certificate == doc.end() || !certificate->is_string()) {
    return refuse(400, "bad_json", "\"certificate\" (PEM or base64 DER) is required and must be a string");
  }
  if (auto bad = add_text_certificate(certificate->get<std::string>(), "certificate", in.check.certificates)) {
    return refuse(400, "bad_certificate", *bad);
  }
  if (const auto chain = doc.find("chain"); chain != doc.end()) {
    if (!chain->is_array()) {
      return refuse(400, "bad_json", "\"chain\" must be an array of certificates (PEM or base64 DER)");
    }
    for (const auto& c : *chain) {
      if (!c.is_string()) {
        return refuse(400, "bad_json", "\"chain\" must be an array of strings");
      }
      if (auto bad = add_text_certificate(c.get<std::string>(), "chain", in.check.certificates)) {
        return refuse(400, "bad_certificate", *bad);
      }
    }
  }
  for (const char* key : {"claim", "at"}) {
    if (const auto v = doc.find(key); v != doc.end()) {
      if (!v->is_string()) {
        return refuse(400, "bad_json", "\"" + std::string(key) + "\" must be a string");
      }
      (std::string_view(key) == "claim" ? in.check.claim : in.check.at) = v->get<std::string>();
    }
  }
  return in;
}

Input read_input(const Request& request) {
  Input in;
  if (request.content_type == "application/json") {
    in = from_json(request.body);
  } else if (!certificate_media_type(request.content_type)) {
    return refuse(415, "unsupported_media_type",
                  "send a certificate as application/x-pem-file, application/pkix-cert (DER) or application/json");
  } else if (request.body.empty()) {
    return refuse(400, "bad_certificate", "the body is empty: send a certificate (PEM or DER)");
  } else if (auto bad = add_certificates(tsl::as_bytes(request.body), "body", in.check.certificates)) {
    return refuse(400, "bad_certificate", *bad);
  }
  if (in.refusal) {
    return in;
  }
  if (const auto f = request.query.find("for"); f != request.query.end() && !in.check.claim) {
    in.check.claim = f->second;
  }
  if (const auto a = request.query.find("at"); a != request.query.end() && !in.check.at) {
    in.check.at = a->second;
  }
  if (auto claim = parse_claim_for(in.check.claim.value_or(""), "claim"); !claim) {
    return refuse(400, "bad_claim", claim.error().message);
  }
  if (in.check.at && !tsl::parse_datetime(*in.check.at)) {
    return refuse(400, "bad_time", "at: " + tsl::parse_datetime(*in.check.at).error().message);
  }
  return in;
}

const std::string* query_value(const Request& request, const std::string& name) {
  const auto it = request.query.find(name);
  return it == request.query.end() ? nullptr : &it->second;
}

}  // namespace

Response check_route(const Request& request, const RequestContext& context) {
  // The same request bytes in the same second: the answer kept for them, nothing decoded.
  std::optional<CheckKey> key;
  if (context.checks && context.lists) {
    key = request_key(request.content_type, request.body, query_value(request, "for"), query_value(request, "at"),
                      context.now);
    if (auto known = context.checks->find(*key)) {
      context.verdicts.count_verdict(known->answer);
      context.verdicts.count_kept_answer();
      return json_response(std::shared_ptr<const std::string>(known, &known->api_body));
    }
  }
  Input in = read_input(request);
  if (in.refusal) {
    return *in.refusal;
  }
  auto out = run_check(in.check, context);
  if (!out) {
    switch (out.error().code) {
      case Errc::kNotFound:
        return json_error(503, "no_lists", out.error().message);
      case Errc::kUsage:
      case Errc::kMalformed:
      case Errc::kUnsupported:
      case Errc::kLimit:
        return json_error(400, "bad_certificate", out.error().message);
      default:
        return json_error(500, "check_failed", out.error().message);
    }
  }
  if (key) {
    context.checks->insert(*key, *out);
  }
  return json_response(std::shared_ptr<const std::string>(*out, &(*out)->api_body));
}

}  // namespace eutl::server
