// Earlier wordings accepted on re-verification (see legacy_wording.h).
#include "evidence/legacy_wording.h"
#include "evidence/detail/text.h"

namespace eutl::evidence::detail {
namespace {

// The two arrays `member` of the record and of the rebuilt record, when both are arrays.
bool both_arrays(const json& record, const json& rebuilt, const char* member) {
  return record.is_object() && record.contains(member) && record[member].is_array() && rebuilt.is_object() &&
         rebuilt.contains(member) && rebuilt[member].is_array();
}

}  // namespace

void accept_legacy_oj_rows(const json& record, const std::string& legacy_source, json& rebuilt) {
  if (!both_arrays(record, rebuilt, "evidence_matrix")) {
    return;
  }
  const json& old_rows = record["evidence_matrix"];
  json& new_rows = rebuilt["evidence_matrix"];
  for (std::size_t i = 0; i < old_rows.size() && i < new_rows.size(); ++i) {
    const json& o = old_rows[i];
    json& n = new_rows[i];
    if (string_member(o, "kind") == "official-journal-anchor" && string_member(n, "kind") == "official-journal-anchor" &&
        string_member(o, "source") == legacy_source) {
      n["source"] = legacy_source;
      n["claim"] = "LOTL signing certificate published in the Official Journal: the root of trust";
    }
  }
}

void accept_legacy_crosswalk_notes(const json& record, json& rebuilt) {
  if (!both_arrays(record, rebuilt, "crosswalk")) {
    return;
  }
  static const std::string kNow = "TS 101 456 qualified policy ";
  static const std::string kThen = "Part 2 policy ";
  const json& old_entries = record["crosswalk"];
  json& new_entries = rebuilt["crosswalk"];
  for (std::size_t i = 0; i < old_entries.size() && i < new_entries.size(); ++i) {
    if (string_member(new_entries[i], "standard") != "TS 101 456") {
      continue;
    }
    for (const char* key : {"missing", "note"}) {
      const std::string now = string_member(new_entries[i], key);
      if (now.rfind(kNow, 0) == 0 && string_member(old_entries[i], key) == kThen + now.substr(kNow.size())) {
        new_entries[i][key] = string_member(old_entries[i], key);
      }
    }
  }
}

}  // namespace eutl::evidence::detail
