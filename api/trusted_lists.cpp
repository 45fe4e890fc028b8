// TrustedLists: verify a list set (files, a store's current or chosen snapshot), index the
// VALID lists and decide with the qualification engine (include/eutl/trusted_lists.h).
#include "eutl/trusted_lists.h"

#include <algorithm>
#include <mutex>

#include "eutl/bundled_anchors.h"
#include "eutl/cache/model_cache.h"
#include "eutl/cache/snapshot_lists.h"
#include "eutl/cache/store.h"
#include "eutl/verify/certificate_chain.h"

namespace eutl {

struct TrustedLists::State final {
  std::vector<verify::VerifiedList> lists;
  std::vector<tsl::Bytes> anchors;
  std::vector<tsl::Bytes> tl_signers;  // the caller's national-list signers (given, or the snapshot's)
  tsl::TimePoint lists_at{};
  std::string snapshot_id;
  std::filesystem::path store_dir;
  bool scoped = false;  // ListSource::scope left lists without their TSP lists
  // Declared after `lists`: the index points into them, the engine into the index.
  tsl::ServiceIndex index;
  tsl::ServiceIndex unacceptable;  // the other parsed lists: only to explain a missing issuer
  std::unique_ptr<verify::QualificationEngine> engine;
  // record_anchors(), made at its first call.
  mutable std::once_flag record_anchors_once;
  mutable std::unique_ptr<const evidence::RecordAnchors> record_anchors;
};

namespace {

Result<void> load_files(const ListSource& source, TrustedLists::State& s) {
  auto files = verify::expand_list_inputs(source.files);
  if (!files) {
    return std::move(files).error();
  }
  auto inputs = verify::read_list_inputs(*files);
  if (!inputs) {
    return std::move(inputs).error();
  }
  verify::ListSetRequest request;
  // No anchors given: the Official Journal certificates bundled with eutl (with
  // tl_signers they verify the LOTL only; the national lists rest on the signers).
  request.lotl_anchors = source.lotl_anchors.empty() ? bundled_lotl_anchor_certificates()
                                                                                  : source.lotl_anchors;
  request.tl_signers = source.tl_signers;
  request.at = s.lists_at;
  s.anchors = request.lotl_anchors;
  s.tl_signers = source.tl_signers;
  s.lists = verify::verify_list_set(std::move(*inputs), request).lists;
  return {};
}

// The current snapshot, from its model cache (models/<id>.bin: no XML parse, no
// signature check, freshness re-decided at lists_at; and no JSON parse when the file
// was written from the snapshot's very bytes), else re-verified from the blobs and
// cached (cache/model_cache.cpp).
Result<void> load_current(const cache::Store& store, const std::optional<cache::IssuerScope>& scope,
                          TrustedLists::State& s) {
  auto cannot_read = [](const Error& e) {
    return Error(e.code, "the store's current snapshot cannot be read: " + e.message);
  };
  auto file = store.current_file();
  if (!file) {
    return cannot_read(file.error());
  }
  if (!*file) {
    return Error(Errc::kNotFound,
                 "the store " + store.dir().string() + " is empty: run 'eutl fetch' or 'eutl import' first");
  }
  const cache::IssuerScope* issuers = scope ? &*scope : nullptr;
  std::optional<cache::SnapshotModel> loaded = cache::load_bound_snapshot_model(store, **file, s.lists_at, issuers);
  if (!loaded) {  // the model cache was not written from these bytes: the JSON decides
    auto current = store.parse_snapshot_file(**file);
    if (!current) {
      return cannot_read(current.error());
    }
    auto model = cache::load_snapshot_model(store, *current, s.lists_at, issuers);
    if (!model) {
      return std::move(model).error();
    }
    loaded = std::move(*model);
  }
  s.anchors = std::move(loaded->lists.lotl_anchors);
  s.tl_signers = std::move(loaded->lists.tl_signers);
  s.lists = std::move(loaded->lists.lists);
  s.snapshot_id = (*file)->id;
  s.scoped = loaded->scoped;
  return {};
}

// A chosen snapshot, re-verified from the store's blobs, so the decision rests on
// exactly the bytes the snapshot names.
Result<void> load_chosen(const cache::Store& store, const std::string& wanted, TrustedLists::State& s) {
  auto snap = select_snapshot(store, wanted);
  if (!snap) {
    return std::move(snap).error();
  }
  auto loaded = cache::load_snapshot_lists(store, *snap, s.lists_at);
  if (!loaded) {
    return std::move(loaded).error();
  }
  s.anchors = std::move(loaded->lotl_anchors);
  s.tl_signers = std::move(loaded->tl_signers);
  s.lists = std::move(loaded->lists);
  s.snapshot_id = snap->id;
  return {};
}

Result<void> load_store(const ListSource& source, TrustedLists::State& s) {
  if (!source.tl_signers.empty()) {
    return Error(Errc::kUsage, "list signers given by the caller apply to list files, not to a store (a store "
                               "snapshot made by 'eutl import --tl-signers' carries its own)");
  }
  auto store = cache::Store::open(source.store);
  if (!store) {
    return std::move(store).error();
  }
  s.store_dir = store->dir();
  return source.snapshot.empty() ? load_current(*store, source.scope, s) : load_chosen(*store, source.snapshot, s);
}

}  // namespace

Result<TrustedLists> TrustedLists::load(const ListSource& source, tsl::TimePoint lists_at) {
  auto state = std::make_unique<State>();
  state->lists_at = lists_at;
  auto loaded = source.files.empty() ? load_store(source, *state) : load_files(source, *state);
  if (!loaded) {
    return std::move(loaded).error();
  }
  state->index = tsl::ServiceIndex::build(verify::valid_index_inputs(state->lists));
  state->unacceptable = tsl::ServiceIndex::build(verify::unacceptable_index_inputs(state->lists));
  state->engine = std::make_unique<verify::QualificationEngine>(state->index, &state->unacceptable);
  return TrustedLists(std::move(state));
}

TrustedLists::TrustedLists(std::unique_ptr<State> state) : m_state(std::move(state)) {}
TrustedLists::TrustedLists(TrustedLists&&) noexcept = default;
TrustedLists& TrustedLists::operator=(TrustedLists&&) noexcept = default;
TrustedLists::~TrustedLists() = default;

const std::vector<verify::VerifiedList>& TrustedLists::lists() const noexcept { return m_state->lists; }
const tsl::ServiceIndex& TrustedLists::index() const noexcept { return m_state->index; }
const tsl::ServiceIndex& TrustedLists::unacceptable_index() const noexcept { return m_state->unacceptable; }
const std::vector<tsl::Bytes>& TrustedLists::lotl_anchors() const noexcept { return m_state->anchors; }
const std::vector<tsl::Bytes>& TrustedLists::tl_signers() const noexcept { return m_state->tl_signers; }
tsl::TimePoint TrustedLists::lists_at() const noexcept { return m_state->lists_at; }
const std::string& TrustedLists::snapshot_id() const noexcept { return m_state->snapshot_id; }
const std::filesystem::path& TrustedLists::store_dir() const noexcept { return m_state->store_dir; }

const evidence::RecordAnchors& TrustedLists::record_anchors() const {
  std::call_once(m_state->record_anchors_once, [this] {
    m_state->record_anchors =
        std::make_unique<const evidence::RecordAnchors>(evidence::record_anchors(m_state->anchors, m_state->tl_signers));
  });
  return *m_state->record_anchors;
}
bool TrustedLists::scoped() const noexcept { return m_state->scoped; }

std::size_t TrustedLists::valid_count() const noexcept {
  return static_cast<std::size_t>(std::count_if(m_state->lists.begin(), m_state->lists.end(), [](const auto& v) {
    return v.status == verify::ListStatus::kValid;
  }));
}

Result<verify::QualificationResult> TrustedLists::check(const verify::CertificateProfile& certificate,
                                                        const std::vector<verify::CertificateProfile>& chain,
                                                        tsl::TimePoint at,
                                                        const std::optional<verify::Claim>& claim) const {
  verify::QualificationRequest request;
  request.certificate = &certificate;
  request.chain = verify::chain_pointers(chain);
  request.at = at;
  request.claim = claim;
  auto result = m_state->engine->decide(request);
  if (result) {
    if (std::string w = verify::lists_time_warning(m_state->lists_at, at); !w.empty()) {
      result->warnings.push_back(std::move(w));
    }
  }
  return result;
}

Result<std::vector<verify::CertificateProfile>> read_certificates(const std::vector<tsl::Bytes>& ders) {
  std::vector<verify::CertificateProfile> out;
  for (std::size_t i = 0; i < ders.size(); ++i) {
    auto p = verify::read_certificate_profile(ders[i]);
    if (!p) {
      return Error(p.error().code, "certificate " + std::to_string(i + 1) + ": " + p.error().message);
    }
    out.push_back(std::move(*p));
  }
  if (out.empty()) {
    return Error(Errc::kMalformed, "no certificate");
  }
  return out;
}

Result<std::vector<verify::CertificateProfile>> read_certificates(const std::filesystem::path& file) {
  auto ders = verify::read_certificate_file(file);
  if (!ders) {
    return Error(ders.error().code, file.string() + ": " + ders.error().message);
  }
  auto out = read_certificates(*ders);
  if (!out) {
    return Error(out.error().code, file.string() + ": " + out.error().message);
  }
  return out;
}

}  // namespace eutl
