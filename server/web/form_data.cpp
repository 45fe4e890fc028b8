#include "server/web/form_data.h"

#include <algorithm>

namespace eutl::server::web {

Result<std::vector<FormField>> parse_form(const Request& request, const FormLimits& limits) {
  if (request.content_type == "application/x-www-form-urlencoded") {
    return parse_urlencoded(request.body, limits);
  }
  if (request.content_type == "multipart/form-data") {
    return request.boundary.empty() ? parse_multipart(request.body, limits)
                                    : parse_multipart(request.body, request.boundary, limits);
  }
  return Error(Errc::kUnsupported, "the form must be posted as application/x-www-form-urlencoded or "
                                   "multipart/form-data, not '" + request.content_type + "'");
}

const FormField* find_field(const std::vector<FormField>& fields, std::string_view name) {
  const auto it = std::find_if(fields.begin(), fields.end(), [&](const FormField& f) { return f.name == name; });
  return it == fields.end() ? nullptr : &*it;
}

}  // namespace eutl::server::web
