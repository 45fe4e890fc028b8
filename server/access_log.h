// One JSON line per answered request on a stream (stderr in `eutl serve`):
//   {"time":"2026-12-05T09:30:00Z","remote":"127.0.0.1","method":"GET","path":"/healthz",
//    "route":"/healthz","status":200,"bytes":44,"duration_us":85}
// `route` is the pattern that matched ("unmatched" when none did), so log lines group
// like the metrics; `path` is the decoded path, without the query (which may carry
// what a client did not mean to log). Each line is written whole under a mutex.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

#include "eutl/tsl/time.h"

namespace eutl::server {

struct AccessRecord final {
  tsl::TimePoint time{};
  std::string_view remote;
  std::string_view method;
  std::string_view path;
  std::string_view route;
  int status = 0;
  std::size_t bytes = 0;
  std::chrono::microseconds duration{0};
};

[[nodiscard]] std::string access_log_line(const AccessRecord& record);

class AccessLog final {
 public:
  // `out` null: quiet, nothing is written.
  explicit AccessLog(std::ostream* out) : m_out(out) {}
  void write(const AccessRecord& record);
  bool enabled() const noexcept { return m_out != nullptr; }

 private:
  std::ostream* m_out;
  std::mutex m_mutex;
};

}  // namespace eutl::server
