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
#include <xmlsec/transforms.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>

#include <atomic>
#include <cstring>
#include <string_view>

#include "eutl/tsl/uris.h"
#include "verify/detail/xmlsec_fast_c14n_transform.h"

namespace eutl::verify::trust {
namespace {

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
    return replace_head(ctx, c14n->next, state, fast_c14n_counters().whole_document);
  }
  if (!empty(ctx->xptrExpr) && first->id == xmlSecTransformXPointerId) {
    xmlNode* target = id_target(ctx, first);
    if (target == nullptr) {
      return 0;
    }
    state.selection = Selection::kSubtree;
    state.top = target;
    state.drop_comments = true;
    return replace_head(ctx, c14n->next, state, fast_c14n_counters().id_reference);
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
  int rc = replace_head(ctx, c14n->next, state, fast_c14n_counters().signed_info);
  // xmlSecDSigCtx remembers its c14n transform; keep that pointer on a live one.
  if (rc == 0 && dsig != nullptr && dsig->c14nMethod == c14n) {
    dsig->c14nMethod = ctx->first;
  }
  return rc;
}

FastC14NCounts fast_c14n_counts() {
  return FastC14NCounts{fast_c14n_counters().whole_document.load(std::memory_order_relaxed),
                        fast_c14n_counters().id_reference.load(std::memory_order_relaxed),
                        fast_c14n_counters().signed_info.load(std::memory_order_relaxed),
                        fast_c14n_counters().own_writer.load(std::memory_order_relaxed)};
}

}  // namespace eutl::verify::trust
