// A canonical text of everything a decision reads from a trusted list: if two lists
// have the same fingerprint, no verdict can tell them apart. Used as the signature
// fuzzer's oracle (a passing signature must leave the fingerprint unchanged).
#pragma once

#include <string>

#include "eutl/tsl/model.h"

namespace eutl::fuzz {

namespace detail {

inline void add(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += '|';
}

inline void add(std::string& out, const tsl::MultiLangString& m) {
  for (const auto& v : m.values) {
    add(out, v.lang);
    add(out, v.value);
  }
  out += ';';
}

inline void add(std::string& out, const tsl::DigitalIdentity& id) {
  for (const auto& c : id.certificates) {
    add(out, tsl::to_hex(c.blob.sha256()));
  }
  for (const auto& s : id.subject_names) {
    add(out, s);
  }
  for (const auto& s : id.skis) {
    add(out, tsl::to_hex(s));
  }
  for (const auto& s : id.other) {
    add(out, s);
  }
  out += ';';
}

inline void add(std::string& out, const tsl::ServiceState& s) {
  add(out, s.type_uri);
  add(out, s.name);
  add(out, s.identity);
  add(out, s.status_uri);
  add(out, tsl::format_time(s.status_start));
  for (const auto& q : s.extensions.qualifications) {
    for (const auto& uri : q.qualifier_uris) {
      add(out, uri);
    }
    add(out, std::to_string(q.criteria.policy_sets.size()) + "/" + std::to_string(q.criteria.key_usages.size()));
  }
  for (const auto& a : s.extensions.additional_information) {
    add(out, a.uri);
  }
  for (const auto& u : s.extensions.unknown) {
    add(out, u.element + (u.critical ? "!" : ""));
  }
  out += ';';
}

}  // namespace detail

inline std::string fingerprint(const tsl::TrustedList& list) {
  std::string out;
  const auto& s = list.scheme;
  detail::add(out, std::to_string(s.version) + "/" + std::to_string(s.sequence_number));
  detail::add(out, s.tsl_type_uri);
  detail::add(out, s.territory);
  detail::add(out, s.operator_name);
  detail::add(out, s.information_uris);
  detail::add(out, tsl::format_time(s.issue_date));
  detail::add(out, tsl::format_time(s.next_update));
  for (const auto& p : s.pointers) {
    detail::add(out, p.location);
    detail::add(out, p.tsl_type_uri);
    detail::add(out, p.territory);
    for (const auto& id : p.identities) {
      detail::add(out, id);
    }
  }
  for (const auto& tsp : list.providers) {
    detail::add(out, tsp.name);
    for (const auto& svc : tsp.services) {
      detail::add(out, svc.current);
      for (const auto& h : svc.history) {
        detail::add(out, h);
      }
    }
  }
  return out;
}

}  // namespace eutl::fuzz
