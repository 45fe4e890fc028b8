// What a Store (and its copies) keeps about the snapshots it read: the shared flock()s
// that pin them for as long as it lives, and the last snapshot file it parsed, so that
// reading the same bytes again does not parse them again (an `eutl fetch` reads the
// current snapshot for its anchors, then again under the lock for the refresh).
// Internal to cache/.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "cache/atomic_file.h"
#include "eutl/cache/snapshot.h"
#include "eutl/tsl/bytes.h"

namespace eutl::cache {

class SnapshotPins final {
 public:
  void keep(const std::string& id, detail::Fd fd) {
    std::lock_guard<std::mutex> guard(m_mutex);
    m_fds.try_emplace(id, std::move(fd));
  }

  // The snapshot parsed last from exactly these bytes under this id, if that is what
  // was parsed last. The parse depends on nothing else, so it is the same snapshot.
  std::optional<Snapshot> parsed(const std::string& id, const tsl::Bytes& json) const {
    std::lock_guard<std::mutex> guard(m_mutex);
    if (m_last && m_last_id == id && m_last_json == json) {
      return m_last;
    }
    return std::nullopt;
  }

  void remember(const std::string& id, const tsl::Bytes& json, const Snapshot& snapshot) {
    std::lock_guard<std::mutex> guard(m_mutex);
    m_last_id = id;
    m_last_json = json;
    m_last = snapshot;
  }

 private:
  mutable std::mutex m_mutex;
  std::map<std::string, detail::Fd> m_fds;
  std::string m_last_id;
  tsl::Bytes m_last_json;
  std::optional<Snapshot> m_last;
};

}  // namespace eutl::cache
