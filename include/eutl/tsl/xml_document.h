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
#include "eutl/tsl/read_file.h"  // tsl::read_file, once declared here

namespace eutl::tsl {

namespace detail {
struct XmlDocumentAccess;  // tsl/detail/xml_node.h: the libxml2 document, for tsl/ and verify/ only
}  // namespace detail

struct ParseLimits final {
  // The largest real list (DE) is a few MiB; 64 MiB leaves room without inviting abuse.
  std::size_t max_bytes = 64u << 20;
  // libxml2's own limit without XML_PARSE_HUGE; lists nest about 15 deep.
  int max_depth = 256;
  // Namespace declarations and attributes cost libxml2 and xmlsec time that grows
  // faster than the document (each is checked against its siblings, each node's
  // namespaces in scope are walked), so they are counted before parsing. The real EU
  // lists (2016-2026, 144 files) declare at most 7 namespaces on one element and 251
  // in one document, with at most 3 other attributes on an element.
  std::size_t max_namespaces_per_element = 64;
  std::size_t max_namespaces = 4096;
  std::size_t max_attributes_per_element = 256;
};

// From now on, libxml2's allocations while a document is parsed are cut from memory
// kept with that document and released whole with it, and that memory is reused by
// the documents parsed after it, instead of one malloc and one free per node
// (tsl/detail/xml_arena.h). Process-wide (it installs libxml2's allocator with
// xmlMemSetup): call it once, early, before threads parse; documents parsed before
// it are unaffected. Returns false, changing nothing, when the address range cannot
// be reserved. Under AddressSanitizer the arenas poison what is not allocated, so a
// use of a document's memory after its release is reported as for malloc's blocks.
bool use_document_arenas();

class XmlDocument final {
 public:
  // Parses `bytes` (which must outlive nothing: libxml2 copies what it keeps).
  // Errors name `source` and the line: "FILE:LINE: message".
  [[nodiscard]] static Result<XmlDocument> parse(ByteView bytes, std::string source, const ParseLimits& limits = {});

  XmlDocument(XmlDocument&&) noexcept;
  XmlDocument& operator=(XmlDocument&&) noexcept;
  ~XmlDocument();

  const std::string& source() const noexcept;

  struct Impl;  // libxml2's document; internal (tsl/detail/xml_node.h)

 private:
  friend struct detail::XmlDocumentAccess;
  explicit XmlDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace eutl::tsl
