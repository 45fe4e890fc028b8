#include "server/access_log.h"

#include <nlohmann/json.hpp>

namespace eutl::server {

std::string access_log_line(const AccessRecord& r) {
  nlohmann::ordered_json j;
  j["time"] = tsl::format_time(r.time);
  j["remote"] = std::string(r.remote);
  j["method"] = std::string(r.method);
  j["path"] = std::string(r.path);
  j["route"] = std::string(r.route);
  j["status"] = r.status;
  j["bytes"] = r.bytes;
  j["duration_us"] = r.duration.count();
  // A path is client text: replace what is not UTF-8 rather than fail the request.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void AccessLog::write(const AccessRecord& record) {
  if (m_out == nullptr) {
    return;
  }
  const std::string line = access_log_line(record);
  std::lock_guard lock(m_mutex);
  m_out->write(line.data(), static_cast<std::streamsize>(line.size()));
  m_out->flush();
}

}  // namespace eutl::server
