// The snapshot's vocabulary and the rules on its records (snapshot.h); the JSON form is
// in snapshot_json.cpp.
#include <algorithm>
#include <array>
#include <utility>

#include "eutl/cache/snapshot.h"

namespace eutl::cache {
namespace {

constexpr std::array<std::pair<InUse, std::string_view>, 3> kInUseNames{{
    {InUse::kNone, "none"},
    {InUse::kFetched, "fetched"},
    {InUse::kKept, "kept"},
}};

}  // namespace

bool refused(const FetchRecord& f) {
  return std::any_of(f.reasons.begin(), f.reasons.end(), [](const ReasonCode& r) {
    return r.code == kReasonRollback || r.code == kReasonSequenceReused;
  });
}

bool attempt_failed(const FetchRecord& f) {
  return !net::is_success(f.status) || f.result != verify::ListStatus::kValid || refused(f);
}

std::string_view result_name(const FetchRecord& f) { return f.result ? verify::to_string(*f.result) : ""; }

int result_rank(verify::ListStatus s) {
  switch (s) {
    case verify::ListStatus::kValid:
      return 3;
    case verify::ListStatus::kExpired:
      return 2;
    case verify::ListStatus::kIndeterminate:
      return 1;
    case verify::ListStatus::kInvalid:
      break;
  }
  return 0;
}

std::string_view to_string(InUse u) {
  for (const auto& [value, name] : kInUseNames) {
    if (value == u) {
      return name;
    }
  }
  return "none";
}

InUse in_use_from_string(std::string_view s) {
  for (const auto& [value, name] : kInUseNames) {
    if (name == s) {
      return value;
    }
  }
  return InUse::kNone;
}

const ListRecord* Snapshot::find_list(std::string_view territory) const {
  auto it = std::find_if(lists.begin(), lists.end(), [&](const ListRecord& l) { return l.territory == territory; });
  return it == lists.end() ? nullptr : &*it;
}

}  // namespace eutl::cache
