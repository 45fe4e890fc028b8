// The fast canonicalization transform: membership of the three node sets (see
// xmlsec_fast_c14n.cpp for the equivalence with xmlsec's), and the bytes, from
// verify/c14n_writer.cpp or libxml2.
#include "verify/detail/xmlsec_fast_c14n_transform.h"

#include <xmlsec/nodeset.h>
#include <xmlsec/xmlsec.h>

#include "verify/detail/c14n_writer.h"

namespace eutl::verify::trust {
namespace {

bool in_subtree(const xmlNode* node, const xmlNode* top) {
  for (; node != nullptr && node->type != XML_DOCUMENT_NODE; node = node->parent) {
    if (node == top) {
      return true;
    }
  }
  return false;
}

// libxml2 passes namespace nodes with their element as `parent`; attributes have
// their element as ->parent.
int visible(void* user, xmlNodePtr node, xmlNodePtr parent) {
  auto* s = static_cast<FastC14N*>(user);
  if (node == nullptr || (s->drop_comments && node->type == XML_COMMENT_NODE)) {
    return 0;
  }
  const xmlNode* element = node->type == XML_NAMESPACE_DECL ? parent : node;
  if (element == nullptr) {
    return 0;
  }
  bool inside = element == s->top;
  if (!inside) {
    if (element->parent != s->memo_parent) {
      s->memo_parent = element->parent;
      s->memo_inside = in_subtree(element->parent, s->top);
    }
    inside = s->memo_inside;
  }
  return (s->selection == Selection::kWithoutSubtree) != inside ? 1 : 0;
}

bool single(const xmlSecNodeSet* nodes) {
  return nodes != nullptr && nodes->doc != nullptr && nodes->next == nodes && nodes->children == nullptr &&
         nodes->op == xmlSecNodeSetIntersection;
}

// xmlsec's input for URI="": one TreeWithoutComments set of document children.
bool is_whole_document_set(const xmlSecNodeSet* nodes) {
  if (!single(nodes) || nodes->type != xmlSecNodeSetTreeWithoutComments || nodes->nodes == nullptr) {
    return false;
  }
  bool has_root = false;
  for (int i = 0; i < nodes->nodes->nodeNr; ++i) {
    const xmlNode* n = nodes->nodes->nodeTab[i];
    if (n == nullptr || n->parent != reinterpret_cast<const xmlNode*>(nodes->doc)) {
      return false;
    }
    has_root = has_root || n == ::xmlDocGetRootElement(nodes->doc);
  }
  return has_root;
}

// xmlsec's input for a same-document XPointer URI: "every node", narrowed by the
// XPointer transform that the fast path replaced.
bool is_all_nodes_set(const xmlSecNodeSet* nodes) {
  return single(nodes) && nodes->type == xmlSecNodeSetNormal && nodes->nodes == nullptr;
}

// Checks the input against what the callback expected and completes the state.
bool accept_input(FastC14N& s, const xmlSecNodeSet* nodes) {
  switch (s.selection) {
    case Selection::kWithoutSubtree:
      return is_whole_document_set(nodes) && s.top != nullptr && s.top->doc == nodes->doc;
    case Selection::kSubtree:
      return is_all_nodes_set(nodes) && s.top != nullptr && s.top->doc == nodes->doc;
    case Selection::kInputSubtree:
      if (!single(nodes) || nodes->nodes == nullptr || nodes->nodes->nodeNr != 1 ||
          (nodes->type != xmlSecNodeSetTree && nodes->type != xmlSecNodeSetTreeWithoutComments)) {
        return false;
      }
      s.top = nodes->nodes->nodeTab[0];
      s.drop_comments = nodes->type == xmlSecNodeSetTreeWithoutComments;
      return s.top != nullptr && s.top->type == XML_ELEMENT_NODE;
  }
  return false;
}

int initialize(xmlSecTransformPtr t) {
  *state_of(t) = FastC14N{};
  return 0;
}


// The set written by verify/c14n_writer.cpp straight into the digest or signature
// transform (in 64 KiB chunks, then the final push), without libxml2's walk of the
// whole document for each set. Nothing is pushed unless the writer handles the
// document; a set with comments stays with libxml2.
C14NWrite write_own_c14n(FastC14N& s, xmlDoc* doc, xmlSecTransformPtr next, xmlSecTransformCtxPtr ctx) {
  bool comments_written = s.with_comments != 0 && !s.drop_comments;
  if (s.document == nullptr || comments_written || (s.mode != XML_C14N_1_0 && s.mode != XML_C14N_EXCLUSIVE_1_0)) {
    return C14NWrite::kNotHandled;
  }
  if (s.document->doc != doc) {
    s.document->doc = doc;
    s.document->writer_handles = c14n_writer_handles(doc);
  }
  if (!s.document->writer_handles) {
    return C14NWrite::kNotHandled;
  }
  C14NMethod method = s.mode == XML_C14N_1_0 ? C14NMethod::kInclusive10 : C14NMethod::kExclusive10;
  auto sink = [&](std::span<const std::uint8_t> chunk) {
    return ::xmlSecTransformPushBin(next, chunk.data(), static_cast<xmlSecSize>(chunk.size()), 0, ctx) >= 0;
  };
  C14NWrite w = s.selection == Selection::kWithoutSubtree ? write_c14n_without(doc, s.top, method, sink)
                                                          : write_c14n_subtree(doc, s.top, method, sink);
  if (w == C14NWrite::kWritten) {
    if (::xmlSecTransformPushBin(next, nullptr, 0, 1, ctx) < 0) {
      return C14NWrite::kSinkFailed;
    }
    fast_c14n_counters().own_writer.fetch_add(1, std::memory_order_relaxed);
  }
  return w;
}

int push_xml(xmlSecTransformPtr t, xmlSecNodeSetPtr nodes, xmlSecTransformCtxPtr ctx) {
  if (t->status != xmlSecTransformStatusNone) {
    return t->status == xmlSecTransformStatusWorking || t->status == xmlSecTransformStatusFinished ? 0 : -1;
  }
  FastC14N* s = state_of(t);
  if (!accept_input(*s, nodes) || t->next == nullptr) {
    return -1;  // not the set the chain was rebuilt for: fail rather than guess
  }
  t->status = xmlSecTransformStatusWorking;
  switch (write_own_c14n(*s, nodes->doc, t->next, ctx)) {
    case C14NWrite::kWritten:
      t->status = xmlSecTransformStatusFinished;
      return 0;
    case C14NWrite::kSinkFailed:
      return -1;
    case C14NWrite::kNotHandled:
      break;  // libxml2's serializer below, with the same visibility
  }
  xmlOutputBufferPtr out = ::xmlSecTransformCreateOutputBuffer(t->next, ctx);
  if (out == nullptr) {
    return -1;
  }
  int written = ::xmlC14NExecute(nodes->doc, visible, s, s->mode, nullptr, s->with_comments, out);
  int closed = ::xmlOutputBufferClose(out);  // pushes the final chunk into the next transform
  if (written < 0 || closed < 0) {
    return -1;
  }
  t->status = xmlSecTransformStatusFinished;
  return 0;
}

// Never called in push mode (as in xmlsec's own c14n transforms); present so that
// the chain sees a binary output.
int pop_bin(xmlSecTransformPtr, xmlSecByte*, xmlSecSize, xmlSecSize*, xmlSecTransformCtxPtr) { return -1; }

}  // namespace

const xmlSecTransformKlass kFastC14NKlass = {
    sizeof(xmlSecTransformKlass),
    sizeof(xmlSecTransform) + sizeof(FastC14N),
    reinterpret_cast<const xmlChar*>("eutl-fast-c14n"),
    nullptr,  // never read from XML: only ever created by xmlsec_fast_c14n.cpp
    xmlSecTransformUsageDSigTransform,
    initialize,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    ::xmlSecTransformDefaultGetDataType,
    nullptr,
    pop_bin,
    push_xml,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
};

FastC14NCounters& fast_c14n_counters() {
  static FastC14NCounters counters;
  return counters;
}

}  // namespace eutl::verify::trust
