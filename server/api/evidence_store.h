// The evidence records `eutl serve` keeps: one file per record in the evidence
// directory (ServerConfig::evidence_dir, default <store>/evidence), named by the
// record's SHA-256 in lower-case hex. A path is only ever built from an ID that passed
// is_evidence_id(), and records are read without following symbolic links, so no
// request can reach another file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "eutl/result.h"
#include "eutl/server/server_config.h"

namespace eutl::server {

// Exactly 64 lower-case hexadecimal characters.
[[nodiscard]] bool is_evidence_id(std::string_view id) noexcept;

[[nodiscard]] std::filesystem::path evidence_dir(const ServerConfig& config);

// Writes `record` as <dir>/<sha256>.json (a temporary file renamed into place, so a
// reader never sees half a record) and returns the ID. kIo when it cannot be written.
[[nodiscard]] Result<std::string> store_evidence(const ServerConfig& config, std::string_view record);

// The record of `id`: kUsage for a malformed ID, kNotFound when there is none.
[[nodiscard]] Result<std::string> read_evidence(const ServerConfig& config, std::string_view id);

}  // namespace eutl::server
