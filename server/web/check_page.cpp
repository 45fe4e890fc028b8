#include "server/web/check_page.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "server/api/check_service.h"
#include "server/web/certificate_upload.h"
#include "server/web/check_result.h"
#include "server/web/form_data.h"
#include "server/web/page_layout.h"
#include "server/web/security_headers.h"
#include "server/web/static_assets.h"

namespace eutl::server::web {
namespace {

std::string form_html() {
  const WebAsset* form = find_web_asset("check-form.html");
  return form == nullptr ? std::string("<p>The check form is missing from this build.</p>") : std::string(form->body);
}

std::string_view title_for(int status) {
  switch (status) {
    case 400: return "The input cannot be checked";
    case 413: return "The input is too large";
    case 415: return "The form was not sent as a form";
    case 503: return "No verified trusted lists are loaded";
    default: break;
  }
  return "The check could not run";
}

// RFC 9110 §15: what a person's input error and the server's own failure each are.
int status_for(Errc code) {
  switch (code) {
    case Errc::kUsage:
    case Errc::kMalformed: return 400;
    case Errc::kUnsupported: return 415;
    case Errc::kLimit: return 413;
    case Errc::kNotFound: return 503;
    case Errc::kIo:
    case Errc::kCrypto:
    case Errc::kInternal: break;
  }
  return 500;
}

Response problem_page(const Error& error, const RequestContext& context) {
  const int status = status_for(error.code);
  std::string main = "<div class=\"error\" id=\"error\" role=\"alert\"><h1>" + esc(title_for(status)) + "</h1><p>" +
                     esc(error.message) + "</p></div>\n" + form_html();
  return html_page(render_page({"Check a certificate", Section::kCheck, context.lists_problem}, main), status);
}

// The certificate text: the uploaded file when one was chosen, else the pasted text.
Result<std::string_view> certificate_text(const std::vector<FormField>& fields) {
  const FormField* file = find_field(fields, "file");
  const FormField* pasted = find_field(fields, "certificate");
  const bool has_file = file != nullptr && !file->value.empty();
  const bool has_pasted = pasted != nullptr && pasted->value.find_first_not_of(" \t\r\n") != std::string::npos;
  if (has_file && has_pasted) {
    return Error(Errc::kUsage, "give the certificate once: either paste it or choose a file, not both");
  }
  if (!has_file && !has_pasted) {
    return Error(Errc::kUsage, "no certificate: paste one (PEM) or choose a file (PEM or DER)");
  }
  return std::string_view(has_file ? file->value : pasted->value);
}

std::optional<std::string> optional_field(const std::vector<FormField>& fields, std::string_view name) {
  const FormField* f = find_field(fields, name);
  if (f == nullptr || f->value.find_first_not_of(" \t\r\n") == std::string::npos) {
    return std::nullopt;
  }
  const std::size_t first = f->value.find_first_not_of(" \t\r\n");
  const std::size_t last = f->value.find_last_not_of(" \t\r\n");
  return f->value.substr(first, last - first + 1);
}

}  // namespace

Response check_form_page(const Request&, const RequestContext& context) {
  return html_page(render_page({"Check a certificate", Section::kCheck, context.lists_problem}, form_html()));
}

Response check_post(const Request& request, const RequestContext& context) {
  auto fields = parse_form(request);
  if (!fields) {
    return problem_page(fields.error(), context);
  }
  auto text = certificate_text(*fields);
  if (!text) {
    return problem_page(text.error(), context);
  }
  auto certificates = certificates_from_upload(*text);
  if (!certificates) {
    return problem_page(certificates.error(), context);
  }
  CheckInput input;
  input.certificates = std::move(*certificates);
  input.claim = optional_field(*fields, "claim");
  input.at = optional_field(*fields, "at");
  auto output = run_check(input, context);
  if (!output) {
    return problem_page(output.error(), context);
  }
  const auto decision = nlohmann::json::parse((*output)->json, nullptr, false);
  if (decision.is_discarded()) {
    return problem_page(Error(Errc::kInternal, "the decision could not be read back"), context);
  }
  const std::string main = "<h1>Check a certificate</h1>\n" + render_check_result(decision, (*output)->evidence_id) +
                           "<p class=\"again\"><a href=\"/\">Check another certificate</a></p>\n";
  return html_page(render_page({"Check result", Section::kCheck, context.lists_problem}, main));
}

}  // namespace eutl::server::web
