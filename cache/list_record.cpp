// Turning a verification result into the snapshot's record of a list.
#include <algorithm>

#include "cache/decide.h"
#include "cache/refresh_reuse.h"

namespace eutl::cache::detail {

ListSize list_size(const verify::VerifiedList& v, const ReuseBasis* reuse) {
  if (reuse != nullptr) {
    if (std::optional<ListSize> size = reuse->size_of(v)) {
      return *size;
    }
  }
  return v.list ? ListSize{v.list->service_count(), v.list->certificate_count()} : ListSize{};
}

void record_verified(ListRecord& r, const verify::VerifiedList& v, tsl::TimePoint at, ListSize size) {
  r.result = v.status;
  r.reasons.clear();
  for (const verify::Reason& reason : v.reasons) {
    r.reasons.push_back({reason.code, reason.message});
  }
  r.verified_at = at;
  r.signer_sha256 = v.signature.signer_sha256;
  if (v.list) {
    const tsl::SchemeInformation& s = v.list->scheme;
    r.sequence_number = s.sequence_number;
    r.issue_date = s.issue_date;
    r.next_update = s.next_update;
    r.service_count = size.services;
    r.certificate_count = size.certificates;
    if (r.territory.empty()) {
      r.territory = s.territory;
    }
  } else {
    r.sequence_number.reset();
    r.issue_date.reset();
    r.next_update.reset();
    r.service_count = 0;
    r.certificate_count = 0;
  }
}

void record_attempt(FetchRecord& f, const verify::VerifiedList& v) {
  f.result = v.status;
  f.reasons.clear();
  for (const verify::Reason& r : v.reasons) {
    f.reasons.push_back({r.code, r.message});
  }
}

void digest_candidate(Candidate& c) {
  if (!c.bytes) {
    return;
  }
  c.fetch.digest = tsl::sha256(*c.bytes);
  if (c.fetch.bytes == 0 && c.fetch.status == net::FetchStatus::kImported) {
    c.fetch.bytes = c.bytes->size();
  }
}

Result<void> store_in_use(const Store& store, const tsl::Bytes& bytes, const std::optional<tsl::Sha256>& digest) {
  auto stored = store.put_blob(bytes);
  if (!stored) {
    return stored.error();
  }
  if (*stored != digest) {
    return Error(Errc::kInternal, "the store named a blob " + tsl::to_hex(*stored) + ", expected " +
                                      (digest ? tsl::to_hex(*digest) : std::string("none")));
  }
  return {};
}

Result<void> store_in_use(const Store& store, const Candidate& c) {
  if (!c.bytes) {
    return {};  // a stored blob (Candidate::stored): already in the store
  }
  return store_in_use(store, *c.bytes, c.fetch.digest);
}

}  // namespace eutl::cache::detail
