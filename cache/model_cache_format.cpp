// The bytes of a model cache file (cache/model_cache_file.h): the header with every
// list's head and anchor keys, checked as a whole, then each list's body, checked on
// its own when it is decoded.
#include "cache/model_cache_file.h"

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "cache/model_cache_codec.h"
#include "cache/model_cache_wire.h"

// Header-only: the functions are compiled here, nothing is linked at run time.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace eutl::cache::detail {
namespace {

constexpr std::string_view kMagic = "EUTLMODL";

Error mismatch(std::string what) { return Error(Errc::kMalformed, "model cache: " + std::move(what)); }

std::vector<std::string> read_strings(WireReader& r) {
  std::vector<std::string> out(r.count());
  for (auto& s : out) {
    s = r.str();
  }
  return out;
}

// Patches the u32 written at `at` to the number of bytes written after it.
void patch_length(WireWriter& w, std::size_t at) {
  const auto size = static_cast<std::uint32_t>(w.out().size() - at - sizeof(std::uint32_t));
  std::memcpy(w.out().data() + at, &size, sizeof size);
}

// Where one list is in the file, as its header entry says.
struct ListEntry final {
  tsl::ByteView head;
  std::vector<std::uint64_t> keys;
  ListSize size;
  tsl::ByteView body;
  std::uint64_t body_checksum = 0;
};

}  // namespace

// XXH3-64 (Debian's libxxhash, used header-only): it detects torn writes and bit
// flips, which is all the checksums are for (see the header: forgery is out of scope).
// SHA-256 here cost more than decoding the file; XXH3 reads a 10 MB model in about
// 0.7 ms where the hand-written multiply-xorshift it replaced took 3.1 ms.
std::uint64_t model_cache_checksum(tsl::ByteView data) { return XXH3_64bits(data.data(), data.size()); }

std::vector<std::string> model_list_digests(const Snapshot& snapshot) {
  std::vector<std::string> out;
  auto add = [&](const ListRecord& r) {
    if (r.in_use != InUse::kNone && r.in_use_digest) {
      out.push_back(tsl::to_hex(*r.in_use_digest));
    }
  };
  add(snapshot.lotl);
  for (const auto& p : snapshot.pivots) {
    add(p);
  }
  for (const auto& l : snapshot.lists) {
    add(l);
  }
  return out;
}

tsl::Bytes encode_model_cache(const Snapshot& snapshot, const SnapshotLists& lists, const tsl::Sha256& json) {
  WireWriter bodies;
  WireWriter w;
  w.raw(kMagic.data(), kMagic.size());
  w.u32(kModelCacheVersion);
  w.str(snapshot.id);
  w.raw(json.data(), json.size());
  const std::size_t header_at = w.out().size();
  w.u32(0);  // the header's length
  w.u32(static_cast<std::uint32_t>(snapshot.lotl_anchor_digests.size()));
  for (const auto& d : snapshot.lotl_anchor_digests) {
    w.str(tsl::to_hex(d));
  }
  std::vector<std::string> digests = model_list_digests(snapshot);
  w.u32(static_cast<std::uint32_t>(digests.size()));
  for (const auto& d : digests) {
    w.str(d);
  }
  w.u32(static_cast<std::uint32_t>(snapshot.tl_signer_digests.size()));
  for (const auto& d : snapshot.tl_signer_digests) {
    w.str(tsl::to_hex(d));
  }
  w.u32(static_cast<std::uint32_t>(lists.lotl_anchors.size()));
  for (const auto& a : lists.lotl_anchors) {
    w.bytes(a);
  }
  w.u32(static_cast<std::uint32_t>(lists.lists.size()));
  for (const verify::VerifiedList& list : lists.lists) {
    const std::size_t head_at = w.out().size();
    w.u32(0);
    encode_head(w, list);
    patch_length(w, head_at);
    const std::vector<std::uint64_t> keys = list.list ? anchor_keys(*list.list) : std::vector<std::uint64_t>{};
    w.u32(static_cast<std::uint32_t>(keys.size()));
    w.raw(keys.data(), keys.size() * sizeof(std::uint64_t));
    w.u64(list.list ? list.list->service_count() : 0);
    w.u64(list.list ? list.list->certificate_count() : 0);
    const std::size_t body_at = bodies.out().size();
    encode_body(bodies, list);
    const tsl::ByteView body = tsl::ByteView(bodies.out()).subspan(body_at);
    w.u64(body.size());
    w.u64(model_cache_checksum(body));
  }
  patch_length(w, header_at);
  w.u64(model_cache_checksum(tsl::ByteView(w.out()).subspan(header_at + sizeof(std::uint32_t))));
  w.raw(bodies.out().data(), bodies.out().size());
  return std::move(w.out());
}

namespace {

// What a file must have been written for: a snapshot whose fields it is compared with,
// or the SHA-256 of the snapshot JSON it was written from (see model_cache_file.h).
struct Expected final {
  std::string_view id;
  const Snapshot* snapshot = nullptr;
  const tsl::Sha256* json = nullptr;
};

std::vector<std::string> hex_of(const std::vector<tsl::Sha256>& digests) {
  std::vector<std::string> out;
  out.reserve(digests.size());
  for (const auto& d : digests) {
    out.push_back(tsl::to_hex(d));
  }
  return out;
}

Result<BoundModel> decode(tsl::ByteView bytes, const Expected& expected, const IssuerScope* scope,
                          std::vector<ListSize>* sizes, OtherPointers pointers) {
  if (bytes.size() < kMagic.size() + 4 ||
      std::string_view(reinterpret_cast<const char*>(bytes.data()), kMagic.size()) != kMagic) {
    return mismatch("not a model cache file");
  }
  WireReader r(bytes.subspan(kMagic.size()));
  if (std::uint32_t v = r.u32(); v != kModelCacheVersion) {
    return mismatch("format version " + std::to_string(v) + ", expected " + std::to_string(kModelCacheVersion));
  }
  std::string id = r.str();
  tsl::Sha256 json{};
  r.raw(json.data(), json.size());
  if (!r.ok()) {
    return mismatch("checksum mismatch (truncated or corrupt)");
  }
  if (id != expected.id) {
    return mismatch("written for snapshot " + id + ", not " + std::string(expected.id));
  }
  if (expected.json != nullptr && (json != *expected.json || json == tsl::Sha256{})) {
    return mismatch("written from other bytes of snapshot " + id + " (or from none)");
  }
  // Magic, version, id and JSON digest are compared above; the header's checksum
  // covers the rest of it, each body's checksum (in the header) that body.
  const tsl::ByteView header = r.bytes();
  const std::uint64_t stored = r.u64();
  if (!r.ok() || stored != model_cache_checksum(header)) {
    return mismatch("checksum mismatch (truncated or corrupt)");
  }
  WireReader h(header);
  const std::vector<std::string> anchors = read_strings(h);
  const std::vector<std::string> digests = read_strings(h);
  const std::vector<std::string> signers = read_strings(h);
  if (const Snapshot* snap = expected.snapshot) {
    if (anchors != hex_of(snap->lotl_anchor_digests)) {
      return mismatch("LOTL anchors differ from the snapshot's");
    }
    if (digests != model_list_digests(*snap)) {
      return mismatch("list blobs differ from the snapshot's");
    }
    if (signers != hex_of(snap->tl_signer_digests)) {
      return mismatch("list signers differ from the snapshot's");
    }
  }
  BoundModel out;
  for (const std::string& hex : signers) {
    auto d = tsl::sha256_from_hex(hex);
    if (!d) {
      return mismatch("truncated or corrupt list signer digest");
    }
    out.tl_signer_digests.push_back(*d);
  }
  out.lists.lotl_anchors.resize(h.count());
  for (std::size_t i = 0; i < out.lists.lotl_anchors.size(); ++i) {
    tsl::ByteView a = h.bytes();
    out.lists.lotl_anchors[i].assign(a.begin(), a.end());
    if (i >= anchors.size() || tsl::to_hex(tsl::sha256(a)) != anchors[i]) {
      return mismatch("LOTL anchor " + std::to_string(i) + " does not match its digest");
    }
  }
  std::vector<ListEntry> entries(h.count());
  for (ListEntry& e : entries) {
    e.head = h.bytes();
    e.keys.resize(h.count());
    h.raw(e.keys.data(), e.keys.size() * sizeof(std::uint64_t));
    e.size.services = h.u64();
    e.size.certificates = h.u64();
    e.body = r.take(h.u64());  // the bodies follow the header, in list order
    e.body_checksum = h.u64();
  }
  if (!h.ok() || !h.at_end() || !r.ok() || !r.at_end()) {
    return mismatch("truncated or corrupt list data");
  }
  if (entries.size() != digests.size() || out.lists.lotl_anchors.size() != anchors.size()) {
    return mismatch("list count differs from the snapshot's");
  }
  auto& lists = out.lists.lists;
  lists.resize(entries.size());
  if (sizes != nullptr) {
    sizes->clear();
    for (const ListEntry& e : entries) {
      sizes->push_back(e.size);
    }
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ListEntry& e = entries[i];
    verify::VerifiedList& list = lists[i];
    if (!decode_head(e.head, list)) {
      return mismatch("truncated or corrupt list data");
    }
    if (tsl::to_hex(list.digest) != digests[i]) {
      return mismatch("list " + std::to_string(i) + " is not blob " + digests[i]);
    }
    if (pointers == OtherPointers::kDropped && list.kind != verify::ListKind::kLotl && list.list) {
      std::vector<tsl::OtherTslPointer>().swap(list.list->scheme.pointers);  // freed before the next head
    }
    if (scope != nullptr && !scope->may_hold(e.keys)) {
      continue;  // cannot hold an issuer of the scope's certificates: left without providers
    }
    if (model_cache_checksum(e.body) != e.body_checksum) {
      return mismatch("checksum mismatch in list " + std::to_string(i) + " (truncated or corrupt)");
    }
    if (!decode_body(e.body, list) ||
        (list.list && (list.list->service_count() != e.size.services ||
                       list.list->certificate_count() != e.size.certificates))) {
      return mismatch("truncated or corrupt list data");
    }
  }
  return out;
}

}  // namespace

Result<SnapshotLists> decode_model_cache(tsl::ByteView bytes, const Snapshot& snapshot, const IssuerScope* scope,
                                         std::vector<ListSize>* sizes, OtherPointers pointers) {
  auto decoded = decode(bytes, Expected{snapshot.id, &snapshot, nullptr}, scope, sizes, pointers);
  if (!decoded) {
    return std::move(decoded).error();
  }
  return std::move(decoded->lists);
}

Result<BoundModel> decode_bound_model_cache(tsl::ByteView bytes, std::string_view snapshot_id,
                                            const tsl::Sha256& json, const IssuerScope* scope) {
  return decode(bytes, Expected{snapshot_id, nullptr, &json}, scope, nullptr, OtherPointers::kKept);
}

}  // namespace eutl::cache::detail
