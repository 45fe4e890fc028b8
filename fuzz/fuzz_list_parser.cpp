// Fuzzes the list reader end to end: XmlDocument::parse (hardened libxml2) and
// read_trusted_list (the TS 119 612 model), the path every downloaded byte takes.
#include <cstddef>
#include <cstdint>

#include "eutl/tsl/parser.h"
#include "eutl/tsl/xml_document.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  eutl::fuzz::init_libraries();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eutl;  // NOLINT: a fuzz entry point, not library code
  tsl::ParseLimits limits;
  limits.max_bytes = 1u << 20;
  auto doc = tsl::XmlDocument::parse(tsl::ByteView(data, size), "fuzz.xml", limits);
  if (!doc) {
    if (doc.error().message.empty()) {
      fuzz::fail("parse error without a message");
    }
    return 0;
  }
  auto list = tsl::read_trusted_list(*doc);
  if (!list) {
    if (list.error().message.empty()) {
      fuzz::fail("read error without a message");
    }
    return 0;
  }
  // Walk what the decisions walk, so a dangling span or a bad index shows up here.
  std::size_t n = list->service_count() + list->certificate_count();
  for (const auto& tsp : list->providers) {
    for (const auto& svc : tsp.services) {
      for (const auto& c : svc.current.identity.certificates) {
        n += c.blob.subject().size() + c.blob.spki().size() + c.blob.ski().size();
      }
    }
  }
  for (const auto& p : list->scheme.pointers) {
    n += p.certificate_count();
  }
  return n == static_cast<std::size_t>(-1) ? 1 : 0;
}
