// The answers of the checks a snapshot has made, kept with that snapshot (SnapshotHolder
// makes one memo per installed snapshot, so a refresh starts an empty one and an answer
// never outlives the lists it came from).
//
// A check is a function of the snapshot, the certificates (DER, in order), the claim, the
// evaluation time and the instant its evidence record is produced; the server's instants
// are whole seconds (tsl::TimePoint). The same inputs within the same second therefore get
// the same decision and the same record, byte for byte, so the same evidence ID: the memo
// returns them without deciding or writing again. That is what lets a relying party's
// backend ask about one certificate at the rate of the HTTP around it.
#pragma once

#include <array>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eutl/outcome.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"

namespace eutl::server {

struct CheckOutput final {
  std::string json;         // exactly what `check --json` prints
  std::string evidence_id;  // GET /v1/evidence/{id}; the record's SHA-256 in hex
  Answer answer = Answer::kIndeterminate;
  std::string api_body;     // the body of POST /v1/check: json with evidence_id first
};

// SHA-256 of everything a check's answer depends on besides the snapshot.
using CheckKey = tsl::Sha256;

[[nodiscard]] CheckKey check_key(const std::vector<tsl::Bytes>& certificates, std::string_view claim,
                                 tsl::TimePoint at, tsl::TimePoint produced);

// SHA-256 of a POST /v1/check request as sent: everything the route reads from it (the
// media type, the body, the `for` and `at` query parameters) and the instant. The same
// request bytes in the same second are the same check, so the route answers them before
// decoding anything. Never equal to a check_key().
[[nodiscard]] CheckKey request_key(std::string_view media_type, std::string_view body,
                                   const std::string* for_param, const std::string* at_param,
                                   tsl::TimePoint produced);

class CheckMemo final {
 public:
  // Answers are dropped oldest first once their JSON passes `max_bytes` in all.
  explicit CheckMemo(std::size_t max_bytes = std::size_t{16} << 20) : m_max_bytes(max_bytes) {}

  [[nodiscard]] std::shared_ptr<const CheckOutput> find(const CheckKey& key) const;
  void insert(const CheckKey& key, std::shared_ptr<const CheckOutput> output);

  [[nodiscard]] std::size_t size() const;

 private:
  struct KeyHash {
    std::size_t operator()(const CheckKey& key) const noexcept;
  };

  std::size_t m_max_bytes;
  mutable std::mutex m_mutex;
  std::unordered_map<CheckKey, std::shared_ptr<const CheckOutput>, KeyHash> m_answers;
  std::deque<CheckKey> m_order;  // insertion order, for eviction
  std::size_t m_bytes = 0;
};

}  // namespace eutl::server
