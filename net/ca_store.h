// Where the CA certificates that verify a server come from (RFC 5280 path validation
// by OpenSSL, through curl): a PEM file, read whole for each multi handle, or a
// directory in OpenSSL's hashed form (`openssl rehash`, what Debian's
// update-ca-certificates keeps in /etc/ssl/certs), from which OpenSSL reads only the
// certificates a handshake asks for by subject. Reading the system bundle of ~145
// certificates costs about 240 M instructions with OpenSSL 3.0; a handshake reads one
// or two files of the directory.
#pragma once

#include <filesystem>
#include <string>

namespace eutl::net::detail {

// True when `dir` is a directory holding at least one certificate under a hashed name
// ("0123abcd.0").
bool is_hashed_ca_directory(const std::filesystem::path& dir);

// The system's CA certificates as a hashed directory: /etc/ssl/certs when it is one,
// else empty (then curl's built-in default, the bundle, is kept).
std::string system_ca_directory();

}  // namespace eutl::net::detail
