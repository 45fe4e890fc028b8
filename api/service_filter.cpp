// The filters of `eutl list` and GET /v1/services (include/eutl/service_filter.h).
#include "eutl/service_filter.h"

#include <algorithm>
#include <cctype>

#include "eutl/service_query.h"
#include "eutl/tsl/service_type_names.h"
#include "eutl/tsl/uris.h"

namespace eutl {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

// "a,b" "c" -> a b c (blanks dropped).
std::vector<std::string> split(const std::vector<std::string>& given) {
  std::vector<std::string> out;
  for (const std::string& g : given) {
    std::size_t start = 0;
    while (start <= g.size()) {
      const std::size_t comma = std::min(g.find(',', start), g.size());
      std::string part = g.substr(start, comma - start);
      part.erase(0, part.find_first_not_of(' '));
      part.erase(part.find_last_not_of(' ') + 1);
      if (!part.empty()) {
        out.push_back(std::move(part));
      }
      start = comma + 1;
    }
  }
  return out;
}

std::string joined(const std::vector<std::string_view>& v) {
  std::string out;
  for (auto s : v) {
    out += (out.empty() ? "" : ", ") + std::string(s);
  }
  return out;
}

Error bad(std::string_view flag, std::string_view value, std::string_view what, const std::string& valid) {
  return Error{Errc::kUsage, std::string(flag) + ": '" + std::string(value) + "' " + std::string(what) +
                                 "; valid values: " + valid};
}

// The last part of a short form ("QTST" of "TSA/QTST").
std::string_view last_part(std::string_view s) { return s.substr(s.rfind('/') + 1); }

std::optional<std::string_view> resolve_type(std::string_view want) {
  const auto known = tsl::known_service_types();
  const std::string w = lower(want.starts_with("http") ? tsl::service_type_short(want) : want);
  for (std::string_view k : known) {
    if (lower(k) == w) {
      return k;
    }
  }
  std::optional<std::string_view> only;
  for (std::string_view k : known) {
    if (lower(last_part(k)) == w) {
      if (only) {
        return std::nullopt;  // names more than one type (QC)
      }
      only = k;
    }
  }
  return only;
}

}  // namespace

Result<std::vector<std::string>> parse_type_filter(const std::vector<std::string>& given, std::string_view option) {
  std::vector<std::string> out;
  for (const std::string& g : split(given)) {
    auto t = resolve_type(g);
    if (!t) {
      return bad(option, g, "is not a service type of ETSI TS 119 612 §5.5.1 (or names several)",
                 joined(tsl::known_service_types()));
    }
    out.emplace_back(*t);
  }
  return out;
}

Result<std::vector<std::string>> parse_status_filter(const std::vector<std::string>& given, std::string_view option) {
  std::vector<std::string> out;
  const auto known = tsl::known_service_statuses();
  for (const std::string& g : split(given)) {
    const std::string w = lower(g.starts_with("http") ? eutl::uri_tail(g) : std::string_view(g));
    auto it = std::find_if(known.begin(), known.end(), [&](std::string_view k) { return lower(k) == w; });
    if (it == known.end()) {
      return bad(option, g, "is not a service status of ETSI TS 119 612 §5.5.4 or Annex J", joined(known));
    }
    out.emplace_back(*it);
  }
  return out;
}

Result<std::vector<std::string>> parse_territory_filter(const std::vector<std::string>& given,
                                                        const std::vector<std::string>& present, std::string_view absent,
                                                        std::string_view option) {
  std::vector<std::string> out;
  std::vector<std::string_view> valid(present.begin(), present.end());
  for (const std::string& g : split(given)) {
    const std::string t = upper(g);
    const bool code = t.size() == 2 && std::all_of(t.begin(), t.end(), [](unsigned char c) { return std::isalpha(c); });
    if (!code || (!present.empty() && std::find(present.begin(), present.end(), t) == present.end())) {
      return bad(option, g, code ? absent : "is not a two-letter territory code",
                 valid.empty() ? std::string("two-letter codes (AT, BE, …)") : joined(valid));
    }
    out.push_back(t);
  }
  return out;
}

bool matches(const ListFilter& f, const tsl::IndexedService& s) {
  const tsl::ServiceState& cur = s.service->current;
  auto any = [](const std::vector<std::string>& want, std::string_view have) {
    return want.empty() || std::any_of(want.begin(), want.end(), [&](const std::string& w) { return lower(w) == lower(have); });
  };
  return any(f.territories, s.provenance.territory) && any(f.types, tsl::service_type_short(cur.type_uri)) &&
         any(f.statuses, eutl::uri_tail(cur.status_uri));
}

}  // namespace eutl
