// multipart/form-data (RFC 7578) in the framing of RFC 2046 §5.1.1: the body is parts
// separated by CRLF "--" boundary lines and closed by "--" boundary "--"; each part has
// a header block (Content-Disposition: form-data; name="…"[; filename="…"], optionally
// Content-Type), an empty line and its content. A preamble before the first boundary
// line and an epilogue after the close delimiter are ignored. Everything is checked
// against the limits before it is copied.
#include <algorithm>
#include <cctype>
#include <string>

#include "server/web/form_data.h"

namespace eutl::server::web {
namespace {

constexpr std::string_view kCrlf = "\r\n";

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

// RFC 2046 §5.1.1 bchars: 1 to 70 of DIGIT ALPHA '()+_,-./:=? and space (not last).
bool valid_boundary(std::string_view b) {
  if (b.empty() || b.size() > 70 || b.back() == ' ') {
    return false;
  }
  constexpr std::string_view kOther = "'()+_,-./:=? ";
  return std::all_of(b.begin(), b.end(), [&](unsigned char c) {
    return std::isalnum(c) != 0 || kOther.find(static_cast<char>(c)) != std::string_view::npos;
  });
}

Error malformed(const std::string& what) { return Error(Errc::kMalformed, "multipart/form-data: " + what); }

// One parameter of a Content-Disposition value: name="value" or name=token. Quoted
// strings may escape a character with '\' (RFC 9110 §5.6.4); browsers percent-encode
// a '"' in names instead, which stays as sent.
struct Disposition final {
  std::string type;
  std::string name;
  std::string filename;
  bool has_name = false;
};

Result<Disposition> parse_disposition(std::string_view value) {
  Disposition d;
  const std::size_t semi = value.find(';');
  d.type = lower(trim(value.substr(0, semi)));
  std::size_t i = semi == std::string_view::npos ? value.size() : semi + 1;
  while (i < value.size()) {
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) {
      ++i;
    }
    const std::size_t eq = value.find('=', i);
    if (eq == std::string_view::npos) {
      return malformed("a Content-Disposition parameter without '='");
    }
    const std::string key = lower(trim(value.substr(i, eq - i)));
    std::string text;
    i = eq + 1;
    if (i < value.size() && value[i] == '"') {
      ++i;
      for (;; ++i) {
        if (i >= value.size()) {
          return malformed("an unterminated quoted string in Content-Disposition");
        }
        if (value[i] == '"') {
          ++i;
          break;
        }
        if (value[i] == '\\' && i + 1 < value.size()) {
          ++i;
        }
        text += value[i];
      }
      while (i < value.size() && value[i] != ';') {
        if (value[i] != ' ' && value[i] != '\t') {
          return malformed("text after a quoted string in Content-Disposition");
        }
        ++i;
      }
    } else {
      const std::size_t end = std::min(value.find(';', i), value.size());
      text = std::string(trim(value.substr(i, end - i)));
      i = end;
    }
    if (i < value.size()) {
      ++i;  // the ';'
    }
    if (key == "name") {
      d.name = std::move(text);
      d.has_name = true;
    } else if (key == "filename") {
      d.filename = std::move(text);
    }
  }
  return d;
}

// The header block of one part (without its final empty line) into `field`.
Result<void> parse_part_headers(std::string_view block, FormField& field) {
  bool disposition = false;
  std::size_t start = 0;
  while (start < block.size()) {
    const std::size_t end = std::min(block.find(kCrlf, start), block.size());
    const std::string_view line = block.substr(start, end - start);
    start = end + kCrlf.size();
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return malformed("a part header line without a name and ':'");
    }
    const std::string name = lower(line.substr(0, colon));
    const std::string_view value = trim(line.substr(colon + 1));
    if (name == "content-disposition") {
      auto d = parse_disposition(value);
      if (!d) {
        return std::move(d).error();
      }
      if (d->type != "form-data" || !d->has_name) {
        return malformed("a part whose Content-Disposition is not form-data with a name");
      }
      field.name = std::move(d->name);
      field.filename = std::move(d->filename);
      disposition = true;
    } else if (name == "content-type") {
      field.content_type = lower(trim(value.substr(0, value.find(';'))));
    }
  }
  if (!disposition) {
    return malformed("a part without Content-Disposition (RFC 7578 §4.2)");
  }
  return {};
}

// The parts from `pos` (the first part's headers), each ended by `delimiter`
// (CRLF "--" boundary), up to the close delimiter.
Result<std::vector<FormField>> parse_parts(std::string_view body, const std::string& delimiter, std::size_t pos,
                                           const FormLimits& limits) {
  std::vector<FormField> fields;
  for (;;) {
    if (fields.size() == limits.max_fields) {
      return Error(Errc::kLimit, "more than " + std::to_string(limits.max_fields) + " form fields");
    }
    FormField field;
    std::size_t content = 0;
    if (body.substr(pos).starts_with(kCrlf)) {
      return malformed("a part without headers (RFC 7578 §4.2 requires Content-Disposition)");
    }
    const std::size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos || headers_end - pos > limits.max_part_header_bytes) {
      if (headers_end == std::string_view::npos && body.size() - pos <= limits.max_part_header_bytes) {
        return malformed("a part's header block does not end");
      }
      return Error(Errc::kLimit, "a part's header block is longer than " +
                                     std::to_string(limits.max_part_header_bytes) + " bytes");
    }
    if (auto h = parse_part_headers(body.substr(pos, headers_end - pos), field); !h) {
      return std::move(h).error();
    }
    content = headers_end + 4;
    const std::size_t next = body.find(delimiter, content);
    if (next == std::string_view::npos) {
      return malformed("the closing boundary is missing");
    }
    if (field.name.size() > limits.max_name_bytes) {
      return Error(Errc::kLimit, "a form field name longer than " + std::to_string(limits.max_name_bytes) + " bytes");
    }
    if (next - content > limits.max_value_bytes) {
      return Error(Errc::kLimit, "form field '" + field.name + "' is longer than " +
                                     std::to_string(limits.max_value_bytes) + " bytes");
    }
    field.value = std::string(body.substr(content, next - content));
    fields.push_back(std::move(field));
    pos = next + delimiter.size();
    if (body.substr(pos).starts_with("--")) {
      return fields;  // the close delimiter; an epilogue after it is ignored (RFC 2046 §5.1.1)
    }
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) {
      ++pos;  // transport padding
    }
    if (!body.substr(pos).starts_with(kCrlf)) {
      return malformed("a boundary line followed by other text");
    }
    pos += kCrlf.size();
  }
}

}  // namespace

Result<std::vector<FormField>> parse_multipart(std::string_view body, std::string_view boundary,
                                               const FormLimits& limits) {
  if (!valid_boundary(boundary)) {
    return malformed("the boundary is not 1 to 70 characters of RFC 2046 §5.1.1");
  }
  const std::string dash_boundary = "--" + std::string(boundary);
  // RFC 2046 §5.1.1: a preamble may come before the first boundary line (at the start
  // of the body or after a CRLF); it is ignored.
  std::size_t pos = 0;
  if (!body.starts_with(dash_boundary)) {
    const std::size_t at = body.find(std::string(kCrlf) + dash_boundary);
    if (at == std::string_view::npos) {
      return malformed("no boundary line --" + std::string(boundary) + " in the body");
    }
    pos = at + kCrlf.size();
  }
  pos += dash_boundary.size();
  if (body.substr(pos).starts_with("--")) {
    return malformed("no part before the closing boundary (RFC 2046 §5.1.1 requires one)");
  }
  while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) {
    ++pos;  // transport padding
  }
  if (!body.substr(pos).starts_with(kCrlf)) {
    return malformed("a boundary line followed by other text");
  }
  return parse_parts(body, std::string(kCrlf) + dash_boundary, pos + kCrlf.size(), limits);
}

Result<std::vector<FormField>> parse_multipart(std::string_view body, const FormLimits& limits) {
  const std::size_t first_eol = body.find(kCrlf);
  if (!body.starts_with("--") || first_eol == std::string_view::npos) {
    return malformed("the body does not start with a boundary line");
  }
  return parse_multipart(body, trim(body.substr(2, first_eol - 2)), limits);
}

}  // namespace eutl::server::web
