// The service history timeline of the HTML report: every status period of each
// service the decision used, to scale, with the periods that applied at issuance
// and at T marked (TS 119 612 V2.4.1 §5.6 service history).
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "evidence/html.h"

namespace eutl::evidence::detail {
namespace {

std::optional<tsl::TimePoint> time_of(const json& j) {
  if (!j.is_string()) {
    return std::nullopt;
  }
  auto t = tsl::parse_datetime(j.get<std::string>());
  return t ? std::optional<tsl::TimePoint>(t->time) : std::nullopt;
}

std::string percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", std::clamp(v, 0.0, 100.0));
  return buf;
}

std::string status_class(const std::string& s) {
  if (s == "granted" || s == "accredited" || s == "undersupervision" || s == "setbynationallaw") {
    return "ok";
  }
  if (s == "withdrawn" || s == "deprecatedatnationallevel" || s == "revoked" || s == "supervisionrevoked") {
    return "bad";
  }
  return "other";
}

}  // namespace

std::string html_timeline(const json& rec) {
  const json services = rec.value("services", json::array());
  if (services.empty()) {
    return "<p>No trusted-list service was used by the decision.</p>\n";
  }
  const json question = rec.value("question", json::object());
  const auto t = time_of(question.value("at", json()));
  std::string out;
  for (const auto& s : services) {
    const json history = s.value("history", json::array());
    std::optional<tsl::TimePoint> lo;
    std::optional<tsl::TimePoint> hi = t;
    for (const auto& p : history) {
      auto start = time_of(p.value("start", json()));
      auto end = time_of(p.value("end", json()));
      if (start && (!lo || *start < *lo)) {
        lo = start;
      }
      for (auto x : {start, end}) {
        if (x && (!hi || *x > *hi)) {
          hi = x;
        }
      }
    }
    out += "<div class=\"service\"><h3>" + html_value(s.value("territory", json())) + " / " +
           html_value(s.value("tsp", json())) + " / " + html_value(s.value("service_name", json())) + "</h3>\n";
    if (lo && hi && *hi > *lo) {
      const double span = static_cast<double>((*hi - *lo).count());
      out += "<div class=\"bar\" role=\"img\" aria-label=\"service status periods to scale\">";
      for (const auto& p : history) {
        auto start = time_of(p.value("start", json()));
        auto end = time_of(p.value("end", json())).value_or(*hi);
        if (!start) {
          continue;
        }
        const double left = static_cast<double>((*start - *lo).count()) / span * 100.0;
        const double width = static_cast<double>((end - *start).count()) / span * 100.0;
        const bool applied = !p.value("applied_at", json::array()).empty();
        out += "<span class=\"seg " + status_class(p.value("status_short", std::string())) +
               (applied ? " applied" : "") + "\" style=\"left:" + percent(left) + ";width:" + percent(width) +
               "\" title=\"" + html_value(p.value("status_short", json())) + "\"></span>";
      }
      if (t && *t >= *lo) {
        out += "<span class=\"mark\" style=\"left:" + percent(static_cast<double>((*t - *lo).count()) / span * 100.0) +
               "\" title=\"T\"></span>";
      }
      out += "</div>\n";
    }
    out += "<table><thead><tr><th>Period</th><th>Status</th><th>Type</th><th>From</th><th>Until</th>"
           "<th>Additional information</th><th>Qualifiers (captured)</th><th>Applied at</th></tr></thead><tbody>\n";
    for (const auto& p : history) {
      std::string quals;
      for (const auto& q : p.value("qualifications", json::array())) {
        std::string names;
        for (const auto& n : q.value("qualifiers", json::array())) {
          names += (names.empty() ? "" : ", ") + html_value(n);
        }
        quals += "<div>" + names + (q.value("captured", false) ? " <strong>(captured)</strong>" : "") + "</div>";
      }
      std::string asi;
      for (const auto& a : p.value("additional_information", json::array())) {
        asi += (asi.empty() ? "" : ", ") + html_value(a);
      }
      std::string applied;
      for (const auto& a : p.value("applied_at", json::array())) {
        applied += (applied.empty() ? "" : ", ") + html_value(a);
      }
      out += std::string("<tr") + (applied.empty() ? "" : " class=\"applied\"") + "><td>" +
             html_value(p.value("period", json())) + "</td><td>" + html_value(p.value("status_short", json())) +
             "</td><td>" + html_value(p.value("type_short", json())) + "</td><td>" + html_value(p.value("start", json())) +
             "</td><td>" + (p.value("end", json()).is_null() ? std::string("open") : html_value(p["end"])) +
             "</td><td>" + asi + "</td><td>" + quals + "</td><td>" + applied + "</td></tr>\n";
    }
    out += "</tbody></table></div>\n";
  }
  return out;
}

}  // namespace eutl::evidence::detail
