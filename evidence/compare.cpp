// Comparing a recorded evidence record with the one rebuilt by re-verification, field
// by field, so a difference is reported by its path ("lists[3] AT …: sequence_number").
#include "evidence/compare.h"

namespace eutl::evidence::detail {
namespace {

constexpr std::size_t kMaxFindings = 60;

std::string short_value(const json& v) {
  std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 160) {
    s = s.substr(0, 157) + "...";
  }
  return s;
}

// "lists[3] AT tl/2023/AT.xml" for list paths, so a finding names the list.
std::string label_of(const json& recorded, const std::string& top, std::size_t i) {
  std::string label = top + "[" + std::to_string(i) + "]";
  if (top == "lists" && recorded.contains("lists") && recorded["lists"].is_array() && i < recorded["lists"].size()) {
    const json& l = recorded["lists"][i];
    if (l.is_object()) {
      if (l.contains("territory") && l["territory"].is_string()) {
        label += " " + l["territory"].get<std::string>();
      }
      if (l.contains("source") && l["source"].is_string()) {
        label += " " + l["source"].get<std::string>();
      }
    }
  }
  return label;
}

struct Walker final {
  const json& root;
  std::vector<EvidenceFinding>& out;
  std::size_t dropped = 0;

  // "lists[3].sequence_number" → where "lists[3] AT src", message "sequence_number: …".
  void add(const std::string& path, const std::string& what) {
    if (out.size() >= kMaxFindings) {
      ++dropped;
      return;
    }
    std::string where = path;
    std::string rest;
    const auto bracket = path.find('[');
    const auto dot = path.find('.');
    if (bracket != std::string::npos && (dot == std::string::npos || bracket < dot)) {
      const auto close = path.find(']', bracket);
      const std::string top = path.substr(0, bracket);
      const std::size_t i = std::stoul(path.substr(bracket + 1, close - bracket - 1));
      where = label_of(root, top, i);
      rest = close + 1 < path.size() ? path.substr(close + (path[close + 1] == '.' ? 2 : 1)) : "";
    } else if (dot != std::string::npos) {
      where = path.substr(0, dot);
      rest = path.substr(dot + 1);
    }
    out.push_back({where, rest.empty() ? what : rest + ": " + what});
  }

  void walk(const json& a, const json& b, const std::string& path) {
    if (a.type() != b.type() || (!a.is_object() && !a.is_array())) {
      if (a != b) {
        add(path, "recorded " + short_value(a) + ", re-verified " + short_value(b));
      }
      return;
    }
    if (a.is_object()) {
      for (auto it = a.begin(); it != a.end(); ++it) {
        const std::string sub = path.empty() ? it.key() : path + "." + it.key();
        if (!b.contains(it.key())) {
          add(sub, "in the record but not re-derived");
        } else {
          walk(it.value(), b[it.key()], sub);
        }
      }
      for (auto it = b.begin(); it != b.end(); ++it) {
        if (!a.contains(it.key())) {
          add(path.empty() ? it.key() : path + "." + it.key(), "re-derived but missing from the record");
        }
      }
      return;
    }
    if (a.size() != b.size()) {
      add(path, "recorded " + std::to_string(a.size()) + " entries, re-verified " + std::to_string(b.size()));
    }
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
      walk(a[i], b[i], path + "[" + std::to_string(i) + "]");
    }
  }
};

}  // namespace

void compare_records(const json& recorded, const json& rebuilt, std::vector<EvidenceFinding>& out) {
  json a = recorded;
  json b = rebuilt;
  a.erase("integrity");
  b.erase("integrity");
  // The evidence matrix restates the other members row by row: its differences come
  // last, so a finding about a list or a result is never crowded out by its echo.
  json a_matrix = json::object();
  json b_matrix = json::object();
  for (auto [from, to] : {std::pair{&a, &a_matrix}, std::pair{&b, &b_matrix}}) {
    if (from->is_object() && from->contains("evidence_matrix")) {
      (*to)["evidence_matrix"] = (*from)["evidence_matrix"];
      from->erase("evidence_matrix");
    }
  }
  Walker w{recorded, out};
  w.walk(a, b, "");
  w.walk(a_matrix, b_matrix, "");
  if (w.dropped > 0) {
    out.push_back({"record", std::to_string(w.dropped) + " more differences not shown"});
  }
}

}  // namespace eutl::evidence::detail
