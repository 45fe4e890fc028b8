// The fields of an HTML form post (WHATWG HTML §4.10.21.7): the two encodings the
// check form sends, read with limits. Without JavaScript the browser posts
// multipart/form-data (RFC 7578) so a certificate file can be uploaded; a form
// without a file input, or curl --data, posts application/x-www-form-urlencoded
// (WHATWG URL §5.1). Both become the same list of fields.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/result.h"
#include "server/http_message.h"

namespace eutl::server::web {

struct FormField final {
  std::string name;
  std::string value;         // bytes as sent (a file's content, undecoded)
  std::string filename;      // multipart file parts only; may be empty
  std::string content_type;  // multipart parts that name one; lower case
};

struct FormLimits final {
  std::size_t max_fields = 16;
  std::size_t max_name_bytes = 64;
  std::size_t max_value_bytes = 128 * 1024;
  std::size_t max_part_header_bytes = 2048;  // one part's header block (multipart)
};

// Errors: kUnsupported for another content type, kMalformed for a body that is not
// what its type says, kLimit when a limit above is passed. Messages name the problem.
[[nodiscard]] Result<std::vector<FormField>> parse_form(const Request& request, const FormLimits& limits = {});

[[nodiscard]] Result<std::vector<FormField>> parse_urlencoded(std::string_view body, const FormLimits& limits = {});

// With the boundary of the Content-Type (Request::boundary): a preamble before the
// first boundary line and an epilogue after the close delimiter are ignored (RFC 2046
// §5.1.1); a body without that boundary line is malformed.
[[nodiscard]] Result<std::vector<FormField>> parse_multipart(std::string_view body, std::string_view boundary,
                                                             const FormLimits& limits = {});
// Without it (a Content-Type that names none), the boundary is read from the body's
// first line, so the body must start with "--" boundary: no preamble.
[[nodiscard]] Result<std::vector<FormField>> parse_multipart(std::string_view body, const FormLimits& limits = {});

// The first field of that name, or null.
const FormField* find_field(const std::vector<FormField>& fields, std::string_view name);

// %XX and '+' decoded (application/x-www-form-urlencoded); kMalformed for a bad escape.
[[nodiscard]] Result<std::string> form_decode(std::string_view text);
// Encoded for a query string: unreserved characters (RFC 3986 §2.3) kept, the rest %XX.
std::string form_encode(std::string_view text);

}  // namespace eutl::server::web
