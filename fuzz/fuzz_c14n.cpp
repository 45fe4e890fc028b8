// Fuzzes our canonicalization (verify/c14n_writer.cpp) against libxml2's, which it
// replaces on the signature path: for any document the hardened parser accepts and the
// writer claims, the canonical bytes of the document without its first Signature
// element, and of one element's subtree, must equal xmlC14NExecute's over the same
// node set, in both methods. A difference would change a digest, so it is a finding.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "eutl/tsl/xml_document.h"
#include "fuzz/fuzz_common.h"
#include "tests/support/libxml2_c14n.h"
#include "tsl/detail/xml_node.h"
#include "verify/detail/c14n_writer.h"

namespace {

using eutl::verify::trust::C14NMethod;
using eutl::verify::trust::C14NWrite;

using Set = eutl::test::C14NSet;

std::string by_writer(const xmlDoc* doc, Set set, C14NMethod method) {
  std::string text;
  auto sink = [&](std::span<const std::uint8_t> chunk) {
    text.append(reinterpret_cast<const char*>(chunk.data()), chunk.size());
    return true;
  };
  C14NWrite w = set.only ? eutl::verify::trust::write_c14n_subtree(doc, set.node, method, sink)
                         : eutl::verify::trust::write_c14n_without(doc, set.node, method, sink);
  if (w != C14NWrite::kWritten) {
    eutl::fuzz::fail("the writer refused a set of a document it handles");
  }
  return text;
}

void elements(const xmlNode* n, std::vector<const xmlNode*>& out) {
  for (; n != nullptr; n = n->next) {
    if (n->type == XML_ELEMENT_NODE) {
      out.push_back(n);
      elements(n->children, out);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  eutl::fuzz::init_libraries();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eutl;  // NOLINT: a fuzz entry point, not library code
  tsl::ParseLimits limits;
  limits.max_bytes = 1u << 20;
  auto parsed = tsl::XmlDocument::parse(tsl::ByteView(data, size), "fuzz.xml", limits);
  if (!parsed) {
    return 0;
  }
  xmlDoc* doc = tsl::detail::native_document(*parsed);
  if (!verify::trust::c14n_writer_handles(doc)) {
    return 0;
  }
  std::vector<const xmlNode*> all;
  elements(doc->children, all);
  const xmlNode* signature = nullptr;
  for (const xmlNode* e : all) {
    if (std::strcmp(reinterpret_cast<const char*>(e->name), "Signature") == 0) {
      signature = e;
      break;
    }
  }
  std::vector<Set> sets = {Set{signature, false}};
  if (!all.empty()) {
    sets.push_back(Set{all[size % all.size()], true});
  }
  for (const Set& set : sets) {
    for (C14NMethod m : {C14NMethod::kInclusive10, C14NMethod::kExclusive10}) {
      std::optional<std::string> reference = test::libxml2_c14n(doc, set, m);
      if (!reference) {
        fuzz::fail("libxml2 cannot canonicalise a document the writer claims");
      }
      if (by_writer(doc, set, m) != *reference) {
        fuzz::fail("the writer's canonical form differs from libxml2's");
      }
    }
  }
  return 0;
}
