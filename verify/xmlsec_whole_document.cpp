// A faster, equivalent evaluation of the whole-document reference of an enveloped
// signature (URI="" + enveloped-signature + one canonicalization), plugged into
// xmlsec through its own extension point, the reference pre-execute callback.
//
// Why: xmlsec evaluates that reference by canonicalising with xmlSecNodeSetContains
// as libxml2's visibility callback, over a composite node set ("the document without
// comments" ∩ "not the Signature subtree"). For every element and every in-scope
// namespace node that walks all ancestors through xmlXPathNodeSetContains, twice: on
// the 2023 EU set it was a quarter of all verification CPU. The node set is known in
// advance, so visibility is one pointer walk instead.
//
// Equivalence (XMLDSig §4.4.3.3, §6.6.4; xmlsec transforms.c / nodeset.c): with
// URI="" xmlsec's input set is the tree of every non-comment child of the document,
// without comments; the enveloped transform intersects it with the complement of the
// tree of the enclosing ds:Signature. A node is therefore visible iff it is not a
// comment and neither it nor (for attributes and namespace nodes) its element lies in
// the Signature subtree. Canonicalization mode, comment handling and output are the
// c14n transform's own; the digest transform after it, and its comparison with
// DigestValue, are untouched. Anything else (an XPointer or Id URI, other transforms,
// exclusive c14n with an InclusiveNamespaces list) keeps xmlsec's own chain.
#include "verify/detail/xmlsec_whole_document.h"

#include <libxml/c14n.h>
#include <xmlsec/nodeset.h>
#include <xmlsec/transforms.h>
#include <xmlsec/xmlsec.h>

#include <atomic>
#include <cstring>

namespace eutl::verify::trust {
namespace {

struct WholeDocumentC14N final {
  xmlNode* signature = nullptr;
  int mode = XML_C14N_1_0;
  int with_comments = 0;
  // libxml2 visits siblings and namespace nodes of one element in a row: remembering
  // the last parent's answer makes the test O(1) for almost every node.
  const xmlNode* memo_parent = nullptr;
  int memo_visible = 1;
};

WholeDocumentC14N* state_of(xmlSecTransformPtr t) {
  return reinterpret_cast<WholeDocumentC14N*>(reinterpret_cast<xmlSecByte*>(t) + sizeof(xmlSecTransform));
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
  auto* s = static_cast<WholeDocumentC14N*>(user);
  if (node == nullptr || node->type == XML_COMMENT_NODE) {
    return 0;
  }
  const xmlNode* element = node->type == XML_NAMESPACE_DECL ? parent : node;
  if (element == nullptr) {
    return 0;
  }
  if (element == s->signature) {
    return 0;
  }
  if (element->parent != s->memo_parent) {
    s->memo_parent = element->parent;
    s->memo_visible = in_subtree(element->parent, s->signature) ? 0 : 1;
  }
  return s->memo_visible;
}

// xmlsec's input for URI="": one TreeWithoutComments set of document children.
bool is_whole_document_set(const xmlSecNodeSet* nodes) {
  if (nodes == nullptr || nodes->doc == nullptr || nodes->next != nodes || nodes->children != nullptr ||
      nodes->type != xmlSecNodeSetTreeWithoutComments || nodes->op != xmlSecNodeSetIntersection ||
      nodes->nodes == nullptr) {
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

int initialize(xmlSecTransformPtr t) {
  *state_of(t) = WholeDocumentC14N{};
  return 0;
}

int push_xml(xmlSecTransformPtr t, xmlSecNodeSetPtr nodes, xmlSecTransformCtxPtr ctx) {
  if (t->status != xmlSecTransformStatusNone) {
    return t->status == xmlSecTransformStatusWorking || t->status == xmlSecTransformStatusFinished ? 0 : -1;
  }
  // The callback checked the reference; the input must still be exactly that set.
  if (!is_whole_document_set(nodes) || t->next == nullptr) {
    return -1;
  }
  t->status = xmlSecTransformStatusWorking;
  xmlOutputBufferPtr out = ::xmlSecTransformCreateOutputBuffer(t->next, ctx);
  if (out == nullptr) {
    return -1;
  }
  WholeDocumentC14N* s = state_of(t);
  int written = ::xmlC14NExecute(nodes->doc, visible, s, s->mode, nullptr, s->with_comments, out);
  int closed = ::xmlOutputBufferClose(out);  // pushes the final chunk into the digest
  if (written < 0 || closed < 0) {
    return -1;
  }
  t->status = xmlSecTransformStatusFinished;
  return 0;
}

// Never called in push mode (as in xmlsec's own c14n transforms); present so that
// the chain sees a binary output.
int pop_bin(xmlSecTransformPtr, xmlSecByte*, xmlSecSize, xmlSecSize*, xmlSecTransformCtxPtr) { return -1; }

const xmlSecTransformKlass kWholeDocumentC14NKlass = {
    sizeof(xmlSecTransformKlass),
    sizeof(xmlSecTransform) + sizeof(WholeDocumentC14N),
    reinterpret_cast<const xmlChar*>("eutl-whole-document-c14n"),
    nullptr,  // never read from XML: only ever created by the callback below
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

// The c14n transforms the fast path reproduces: mode and comment handling.
bool c14n_mode(xmlSecTransformId id, int& mode, int& with_comments) {
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
  for (const auto& e : table) {
    if (e.id == id) {
      mode = e.mode;
      with_comments = e.with_comments;
      return true;
    }
  }
  return false;
}

bool has_element_child(const xmlNode* node) {
  if (node == nullptr) {
    return false;
  }
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) {
      return true;
    }
  }
  return false;
}

bool is_dsig_signature(const xmlNode* n) {
  return n != nullptr && n->type == XML_ELEMENT_NODE && n->ns != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(n->name), "Signature") == 0 &&
         std::strcmp(reinterpret_cast<const char*>(n->ns->href), "http://www.w3.org/2000/09/xmldsig#") == 0;
}

bool empty(const xmlChar* s) { return s == nullptr || *s == 0; }

std::atomic<unsigned long> g_fast_path_count{0};

}  // namespace

int whole_document_reference_callback(xmlSecTransformCtxPtr ctx) {
  if (ctx == nullptr || !empty(ctx->uri) || !empty(ctx->xptrExpr)) {
    return 0;
  }
  xmlSecTransformPtr enveloped = ctx->first;
  if (enveloped == nullptr || enveloped->id != xmlSecTransformEnvelopedId) {
    return 0;
  }
  xmlSecTransformPtr c14n = enveloped->next;
  int mode = 0;
  int with_comments = 0;
  if (c14n == nullptr || !c14n_mode(c14n->id, mode, with_comments) || has_element_child(c14n->hereNode) ||
      c14n->next == nullptr || (c14n->next->id->usage & xmlSecTransformUsageDigestMethod) == 0) {
    return 0;
  }
  // The enveloped transform removes the Signature that contains its Transform element.
  xmlNode* signature = enveloped->hereNode;
  while (signature != nullptr && !is_dsig_signature(signature)) {
    signature = signature->parent;
  }
  if (signature == nullptr) {
    return 0;
  }
  xmlSecTransformPtr fast = ::xmlSecTransformCreate(&kWholeDocumentC14NKlass);
  if (fast == nullptr) {
    return 0;  // keep xmlsec's own chain
  }
  WholeDocumentC14N* state = state_of(fast);
  state->signature = signature;
  state->mode = mode;
  state->with_comments = with_comments;
  xmlSecTransformPtr digest = c14n->next;
  ::xmlSecTransformRemove(enveloped);
  ::xmlSecTransformRemove(c14n);
  ::xmlSecTransformDestroy(enveloped);
  ::xmlSecTransformDestroy(c14n);
  ctx->first = digest;
  if (::xmlSecTransformCtxPrepend(ctx, fast) < 0) {
    ::xmlSecTransformDestroy(fast);
    return -1;  // the chain is now incomplete: fail the reference rather than skip it
  }
  g_fast_path_count.fetch_add(1, std::memory_order_relaxed);
  return 0;
}

unsigned long whole_document_fast_path_count() { return g_fast_path_count.load(std::memory_order_relaxed); }

}  // namespace eutl::verify::trust
