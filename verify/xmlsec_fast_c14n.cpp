// Faster, equivalent canonicalization for the three node sets a trusted-list
// signature canonicalises, plugged into xmlsec through its own extension point: the
// pre-execute callbacks, which may rebuild a transform chain before it runs.
//
// Why: xmlsec canonicalises with xmlSecNodeSetContains as libxml2's visibility
// callback. libxml2 walks the WHOLE document for every canonicalization (even for
// SignedInfo), and for every element and in-scope namespace node xmlsec walks all
// ancestors through xmlXPathNodeSetContains. On the 2023 EU set that was a third of
// all verification CPU. The node sets here are known in advance, so visibility is one
// pointer comparison for almost every node (the parent's answer is remembered).
//
// Equivalence (XMLDSig §4.4.3.3 and §6.6.4; xmlsec 1.2 transforms.c, nodeset.c,
// xmldsig.c). xmlsec builds:
//   URI=""  + enveloped-signature: the tree of every child of the document, without
//           comments, minus the tree of the ds:Signature enclosing the Transform;
//   URI="#id" (bare name): the tree of the element id('id'), without comments;
//   SignedInfo: the tree of SignedInfo, with comments.
// The replacement computes exactly that membership: a node is visible iff it is not
// a dropped comment and its element (the node itself, or for attributes and
// namespace nodes their element) is, or is not, inside the given subtree.
// Canonicalization mode and comment handling are the replaced c14n transform's; the
// digest or signature transform after it, and its comparison, are untouched.
// Anything else (#xpointer(...) URIs, other transforms, exclusive c14n with an
// InclusiveNamespaces list, an unexpected input set) keeps xmlsec's own chain.
#include "verify/detail/xmlsec_fast_c14n.h"

#include <libxml/c14n.h>
#include <libxml/valid.h>
#include <xmlsec/nodeset.h>
#include <xmlsec/transforms.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>

#include <atomic>
#include <cstring>
#include <string_view>

#include "eutl/tsl/uris.h"
#include "verify/detail/c14n_writer.h"

namespace eutl::verify::trust {
namespace {

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

FastC14N* state_of(xmlSecTransformPtr t) {
  return reinterpret_cast<FastC14N*>(reinterpret_cast<xmlSecByte*>(t) + sizeof(xmlSecTransform));
}

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

struct Counters final {
  std::atomic<unsigned long> whole_document{0};
  std::atomic<unsigned long> id_reference{0};
  std::atomic<unsigned long> signed_info{0};
  std::atomic<unsigned long> own_writer{0};
};
Counters g_counters;

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
    g_counters.own_writer.fetch_add(1, std::memory_order_relaxed);
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

const xmlSecTransformKlass kFastC14NKlass = {
    sizeof(xmlSecTransformKlass),
    sizeof(xmlSecTransform) + sizeof(FastC14N),
    reinterpret_cast<const xmlChar*>("eutl-fast-c14n"),
    nullptr,  // never read from XML: only ever created by the callbacks below
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

// The c14n transforms the fast path reproduces, with no InclusiveNamespaces child.
bool c14n_mode(const xmlSecTransform* t, int& mode, int& with_comments) {
  struct Entry {
    xmlSecTransformId id;
    int mode;
    int with_comments;
  };
  const Entry table[] = {
      {xmlSecTransformInclC14NId, XML_C14N_1_0, 0},
      {xmlSecTransformInclC14NWithCommentsId, XML_C14N_1_0, 1},
      {xmlSecTransformInclC14N11Id, XML_C14N_1_1, 0},
      {xmlSecTransformInclC14N11WithCommentsId, XML_C14N_1_1, 1},
      {xmlSecTransformExclC14NId, XML_C14N_EXCLUSIVE_1_0, 0},
      {xmlSecTransformExclC14NWithCommentsId, XML_C14N_EXCLUSIVE_1_0, 1},
  };
  if (t == nullptr) {
    return false;
  }
  if (t->hereNode != nullptr) {
    for (const xmlNode* c = t->hereNode->children; c != nullptr; c = c->next) {
      if (c->type == XML_ELEMENT_NODE) {
        return false;
      }
    }
  }
  for (const auto& e : table) {
    if (e.id == t->id) {
      mode = e.mode;
      with_comments = e.with_comments;
      return true;
    }
  }
  return false;
}

bool is_dsig_signature(const xmlNode* n) {
  return n != nullptr && n->type == XML_ELEMENT_NODE && n->ns != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(n->name), "Signature") == 0 &&
         std::string_view(reinterpret_cast<const char*>(n->ns->href)) == tsl::ns::kDs;
}

bool empty(const xmlChar* s) { return s == nullptr || *s == 0; }

// The element a bare-name "#id" reference selects, as XPath id('id') would: only
// for a single registered Id without whitespace (id() would split it).
xmlNode* id_target(const xmlSecTransformCtx* ctx, const xmlSecTransform* xpointer) {
  const char* expr = reinterpret_cast<const char*>(ctx->xptrExpr);
  if (expr == nullptr || expr[0] != '#' || expr[1] == 0 || std::strncmp(expr, "#xpointer(", 10) == 0 ||
      xpointer->hereNode == nullptr || xpointer->hereNode->doc == nullptr) {
    return nullptr;
  }
  for (const char* p = expr + 1; *p != 0; ++p) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\'' || *p == '"') {
      return nullptr;
    }
  }
  xmlAttr* attr = ::xmlGetID(xpointer->hereNode->doc, reinterpret_cast<const xmlChar*>(expr + 1));
  if (attr == nullptr || attr->type != XML_ATTRIBUTE_NODE || attr->parent == nullptr ||
      attr->parent->type != XML_ELEMENT_NODE) {
    return nullptr;
  }
  return attr->parent;
}

// Replaces the transforms from ctx->first up to (not including) `keep` with one fast
// transform. The new chain is complete or the callback fails.
int replace_head(xmlSecTransformCtxPtr ctx, xmlSecTransformPtr keep, const FastC14N& state,
                 std::atomic<unsigned long>& counter) {
  xmlSecTransformPtr fast = ::xmlSecTransformCreate(&kFastC14NKlass);
  if (fast == nullptr) {
    return 0;  // nothing changed yet: keep xmlsec's own chain
  }
  *state_of(fast) = state;
  for (xmlSecTransformPtr t = ctx->first; t != nullptr && t != keep;) {
    xmlSecTransformPtr next = t->next;
    ::xmlSecTransformRemove(t);
    ::xmlSecTransformDestroy(t);
    t = next;
  }
  ctx->first = keep;
  if (::xmlSecTransformCtxPrepend(ctx, fast) < 0) {
    ::xmlSecTransformDestroy(fast);
    return -1;  // the chain is now incomplete: fail it rather than skip a step
  }
  counter.fetch_add(1, std::memory_order_relaxed);
  return 0;
}

}  // namespace

int reference_fast_c14n(xmlSecTransformCtxPtr ctx) {
  if (ctx == nullptr || ctx->first == nullptr || !empty(ctx->uri)) {
    return 0;
  }
  FastC14N state;
  state.document = static_cast<FastC14NMemo*>(ctx->userData);  // xmlSecDSigCtx::userData
  xmlSecTransformPtr first = ctx->first;
  xmlSecTransformPtr c14n = first->next;
  if (c14n == nullptr || !c14n_mode(c14n, state.mode, state.with_comments) || c14n->next == nullptr ||
      (c14n->next->id->usage & xmlSecTransformUsageDigestMethod) == 0) {
    return 0;
  }
  if (empty(ctx->xptrExpr) && first->id == xmlSecTransformEnvelopedId) {
    // The enveloped transform removes the Signature that contains its Transform element.
    xmlNode* signature = first->hereNode;
    while (signature != nullptr && !is_dsig_signature(signature)) {
      signature = signature->parent;
    }
    if (signature == nullptr) {
      return 0;
    }
    state.selection = Selection::kWithoutSubtree;
    state.top = signature;
    state.drop_comments = true;
    return replace_head(ctx, c14n->next, state, g_counters.whole_document);
  }
  if (!empty(ctx->xptrExpr) && first->id == xmlSecTransformXPointerId) {
    xmlNode* target = id_target(ctx, first);
    if (target == nullptr) {
      return 0;
    }
    state.selection = Selection::kSubtree;
    state.top = target;
    state.drop_comments = true;
    return replace_head(ctx, c14n->next, state, g_counters.id_reference);
  }
  return 0;
}

int signed_info_fast_c14n(xmlSecTransformCtxPtr ctx) {
  if (ctx == nullptr || ctx->first == nullptr || !empty(ctx->uri) || !empty(ctx->xptrExpr)) {
    return 0;
  }
  FastC14N state;
  auto* dsig = static_cast<xmlSecDSigCtx*>(ctx->userData);
  state.document = dsig != nullptr ? static_cast<FastC14NMemo*>(dsig->userData) : nullptr;
  xmlSecTransformPtr c14n = ctx->first;
  if (!c14n_mode(c14n, state.mode, state.with_comments) || c14n->next == nullptr ||
      (c14n->next->id->usage & xmlSecTransformUsageSignatureMethod) == 0) {
    return 0;
  }
  state.selection = Selection::kInputSubtree;  // SignedInfo comes as the input set
  int rc = replace_head(ctx, c14n->next, state, g_counters.signed_info);
  // xmlSecDSigCtx remembers its c14n transform; keep that pointer on a live one.
  if (rc == 0 && dsig != nullptr && dsig->c14nMethod == c14n) {
    dsig->c14nMethod = ctx->first;
  }
  return rc;
}

FastC14NCounts fast_c14n_counts() {
  return FastC14NCounts{g_counters.whole_document.load(std::memory_order_relaxed),
                        g_counters.id_reference.load(std::memory_order_relaxed),
                        g_counters.signed_info.load(std::memory_order_relaxed),
                        g_counters.own_writer.load(std::memory_order_relaxed)};
}

}  // namespace eutl::verify::trust
