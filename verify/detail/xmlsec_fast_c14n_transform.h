// The transform that replaces the head of a rebuilt chain (see
// xmlsec_fast_c14n.cpp for when and why): it canonicalises one known node set, with
// verify/c14n_writer.cpp when the document allows and libxml2 otherwise, and pushes
// the bytes into the next transform. Internal to verify/.
#pragma once

#include <libxml/c14n.h>
#include <xmlsec/transforms.h>

#include <atomic>

#include "verify/detail/xmlsec_fast_c14n.h"

namespace eutl::verify::trust {

// What the replaced chain selected.
enum class Selection : int {
  kWithoutSubtree,  // URI="" + enveloped: everything but `top` (the ds:Signature)
  kSubtree,         // URI="#id": `top` and its descendants
  kInputSubtree,    // SignedInfo: the one-node tree xmlsec passes as input
};

struct FastC14N final {
  Selection selection = Selection::kWithoutSubtree;
  xmlNode* top = nullptr;
  bool drop_comments = true;
  int mode = XML_C14N_1_0;
  int with_comments = 0;
  // libxml2 visits the children and namespace nodes of one element in a row:
  // remembering the last parent's answer makes the test O(1) for almost every node.
  const xmlNode* memo_parent = nullptr;
  bool memo_inside = false;
  FastC14NMemo* document = nullptr;  // shared by the chains of one verification
};

// The transform's own state lives after the xmlSecTransform xmlsec allocates.
inline FastC14N* state_of(xmlSecTransformPtr t) {
  return reinterpret_cast<FastC14N*>(reinterpret_cast<xmlSecByte*>(t) + sizeof(xmlSecTransform));
}

// Created with ::xmlSecTransformCreate; its state starts empty and is set by the
// caller before the chain runs.
extern const xmlSecTransformKlass kFastC14NKlass;

// What fast_c14n_counts() reports.
struct FastC14NCounters final {
  std::atomic<unsigned long> whole_document{0};
  std::atomic<unsigned long> id_reference{0};
  std::atomic<unsigned long> signed_info{0};
  std::atomic<unsigned long> own_writer{0};
};
FastC14NCounters& fast_c14n_counters();

}  // namespace eutl::verify::trust
