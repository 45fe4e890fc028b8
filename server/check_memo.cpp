// The answers of a snapshot's checks (server/check_memo.h).
#include "server/check_memo.h"

#include <cstdint>
#include <cstring>

namespace eutl::server {
namespace {

void append_number(tsl::Bytes& out, std::uint64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    out.push_back(static_cast<std::uint8_t>(value >> shift));
  }
}

// Length-prefixed, so no two different inputs give the same bytes.
void append_field(tsl::Bytes& out, tsl::ByteView field) {
  append_number(out, field.size());
  out.insert(out.end(), field.begin(), field.end());
}

void append_optional(tsl::Bytes& out, const std::string* field) {
  out.push_back(field != nullptr ? 1 : 0);
  if (field != nullptr) {
    append_field(out, tsl::as_bytes(*field));
  }
}

// The first byte of a key's input says which kind of key it is.
constexpr std::uint8_t kCheckInputs = 1;
constexpr std::uint8_t kRequestBytes = 2;

}  // namespace

CheckKey check_key(const std::vector<tsl::Bytes>& certificates, std::string_view claim, tsl::TimePoint at,
                   tsl::TimePoint produced) {
  std::size_t size = 1 + 8 * (certificates.size() + 4) + claim.size();
  for (const auto& der : certificates) {
    size += der.size();
  }
  tsl::Bytes input;
  input.reserve(size);
  input.push_back(kCheckInputs);
  append_number(input, certificates.size());
  for (const auto& der : certificates) {
    append_field(input, der);
  }
  append_field(input, tsl::as_bytes(claim));
  append_number(input, static_cast<std::uint64_t>(at.time_since_epoch().count()));
  append_number(input, static_cast<std::uint64_t>(produced.time_since_epoch().count()));
  return tsl::sha256(input);
}

CheckKey request_key(std::string_view media_type, std::string_view body, const std::string* for_param,
                     const std::string* at_param, tsl::TimePoint produced) {
  tsl::Bytes input;
  input.reserve(1 + 8 * 6 + media_type.size() + body.size() + 2 + (for_param ? for_param->size() : 0) +
                (at_param ? at_param->size() : 0));
  input.push_back(kRequestBytes);
  append_field(input, tsl::as_bytes(media_type));
  append_field(input, tsl::as_bytes(body));
  append_optional(input, for_param);
  append_optional(input, at_param);
  append_number(input, static_cast<std::uint64_t>(produced.time_since_epoch().count()));
  return tsl::sha256(input);
}

std::size_t CheckMemo::KeyHash::operator()(const CheckKey& key) const noexcept {
  std::size_t h = 0;
  std::memcpy(&h, key.data(), sizeof h);  // a SHA-256 is already uniform
  return h;
}

std::shared_ptr<const CheckOutput> CheckMemo::find(const CheckKey& key) const {
  std::lock_guard lock(m_mutex);
  const auto it = m_answers.find(key);
  return it == m_answers.end() ? nullptr : it->second;
}

void CheckMemo::insert(const CheckKey& key, std::shared_ptr<const CheckOutput> output) {
  const std::size_t cost = output->json.size() + output->evidence_id.size() + output->api_body.size();
  if (cost > m_max_bytes) {
    return;
  }
  std::lock_guard lock(m_mutex);
  if (!m_answers.emplace(key, std::move(output)).second) {
    return;  // another request of the same inputs got there first: same answer
  }
  m_order.push_back(key);
  m_bytes += cost;
  while (m_bytes > m_max_bytes && !m_order.empty()) {
    const auto oldest = m_answers.find(m_order.front());
    m_bytes -= oldest->second->json.size() + oldest->second->evidence_id.size() + oldest->second->api_body.size();
    m_answers.erase(oldest);
    m_order.pop_front();
  }
}

std::size_t CheckMemo::size() const {
  std::lock_guard lock(m_mutex);
  return m_answers.size();
}

}  // namespace eutl::server
