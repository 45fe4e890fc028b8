// The reference the canonical XML writer (verify/c14n_writer.cpp) is held to: libxml2's
// xmlC14NExecute over the same node set, chosen by a visibility callback. Shared by
// tests/verify/c14n_writer_test.cpp and fuzz/fuzz_c14n.cpp.
#pragma once

#include <libxml/c14n.h>
#include <libxml/xmlIO.h>

#include <optional>
#include <string>

#include "verify/detail/c14n_writer.h"

namespace eutl::test {

// Without comments: everything but the subtree of `node` (only = false; node may be
// null), or only that subtree.
struct C14NSet final {
  const xmlNode* node = nullptr;
  bool only = false;
};

// Namespace nodes come with their element as `parent`, attributes have it as ->parent.
inline int c14n_set_contains(void* user, xmlNodePtr node, xmlNodePtr parent) {
  const auto* set = static_cast<const C14NSet*>(user);
  if (node == nullptr || node->type == XML_COMMENT_NODE) {
    return 0;
  }
  for (const xmlNode* e = node->type == XML_NAMESPACE_DECL ? parent : node; e != nullptr && e->type != XML_DOCUMENT_NODE;
       e = e->parent) {
    if (e == set->node) {
      return set->only ? 1 : 0;
    }
  }
  return set->only ? 0 : 1;
}

// libxml2's canonical form of the set, or nullopt where libxml2 fails.
inline std::optional<std::string> libxml2_c14n(xmlDoc* doc, C14NSet set, verify::trust::C14NMethod method) {
  xmlOutputBufferPtr out = ::xmlAllocOutputBuffer(nullptr);
  int mode = method == verify::trust::C14NMethod::kExclusive10 ? XML_C14N_EXCLUSIVE_1_0 : XML_C14N_1_0;
  std::optional<std::string> text;
  if (out != nullptr && ::xmlC14NExecute(doc, c14n_set_contains, &set, mode, nullptr, 0, out) >= 0) {
    text = std::string(reinterpret_cast<const char*>(::xmlOutputBufferGetContent(out)), ::xmlOutputBufferGetSize(out));
  }
  if (out != nullptr) {
    ::xmlOutputBufferClose(out);
  }
  return text;
}

}  // namespace eutl::test
