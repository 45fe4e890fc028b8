// A parsed XML document, read with every network and entity feature of libxml2 off.
//
// Parsing happens once: the same document is handed to the signature check
// (verify/) and to the model reader (tsl/parser.h), so what is verified is exactly
// what is read.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "eutl/result.h"
#include "eutl/tsl/bytes.h"

namespace eutl::tsl {

struct ParseLimits final {
  // The largest real list (DE) is a few MiB; 64 MiB leaves room without inviting abuse.
  std::size_t max_bytes = 64u << 20;
  // libxml2's own limit without XML_PARSE_HUGE; lists nest about 15 deep.
  int max_depth = 256;
};

class XmlDocument final {
 public:
  // Parses `bytes` (which must outlive nothing: libxml2 copies what it keeps).
  // Errors name `source` and the line: "FILE:LINE: message".
  [[nodiscard]] static Result<XmlDocument> parse(ByteView bytes, std::string source, const ParseLimits& limits = {});

  XmlDocument(XmlDocument&&) noexcept;
  XmlDocument& operator=(XmlDocument&&) noexcept;
  ~XmlDocument();

  const std::string& source() const noexcept;

  struct Impl;
  Impl& impl() const noexcept { return *m_impl; }

 private:
  explicit XmlDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

// Reads a whole file, refusing files larger than `max_bytes` before reading them.
[[nodiscard]] Result<Bytes> read_file(const std::filesystem::path& path, std::size_t max_bytes = 64u << 20);

}  // namespace eutl::tsl
