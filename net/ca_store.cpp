// The CA store curl is given (net/ca_store.h).
#include "net/ca_store.h"

#include <cctype>
#include <string_view>
#include <system_error>

namespace eutl::net::detail {
namespace {

// "0123abcd.N": eight hex digits of X509_NAME_hash, a dot, a decimal collision index.
bool is_hashed_name(std::string_view name) {
  if (name.size() < 10 || name[8] != '.') {
    return false;
  }
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    const bool ok = i < 8 ? std::isxdigit(c) != 0 : i == 8 || std::isdigit(c) != 0;
    if (!ok) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool is_hashed_ca_directory(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return false;
  }
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (is_hashed_name(it->path().filename().string())) {
      return true;
    }
  }
  return false;
}

std::string system_ca_directory() {
  const std::filesystem::path debian = "/etc/ssl/certs";
  return is_hashed_ca_directory(debian) ? debian.string() : std::string();
}

}  // namespace eutl::net::detail
