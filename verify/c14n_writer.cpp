// Canonical XML 1.0 and Exclusive C14N 1.0 of a document minus one subtree, or of one
// subtree; see
// verify/detail/c14n_writer.h. Clause numbers are W3C REC-xml-c14n-20010315 (C14N)
// and REC-xml-exc-c14n-20020718 (Exc).
#include "verify/detail/c14n_writer.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "tsl/detail/xml_node.h"
#include "verify/detail/c14n_output.h"

namespace eutl::verify::trust {
namespace {
namespace c14n_impl {

using detail::Escape;
using detail::Output;

using tsl::detail::sv;

struct Binding final {
  std::string_view prefix;  // "" for the default namespace
  std::string_view href;
};

bool by_prefix(const Binding& a, const Binding& b) { return a.prefix < b.prefix; }

// Namespace declarations in force: for C14N the in-scope ones (pushed from each
// element's own declarations), for Exc the ones rendered by output ancestors.
class Scope final {
 public:
  std::size_t mark() const { return m_stack.size(); }
  void pop_to(std::size_t mark) { m_stack.resize(mark); }
  void push(Binding b) { m_stack.push_back(b); }
  const Binding* find(std::string_view prefix) const { return find_from(0, prefix); }
  // The latest binding of `prefix` pushed at or after `first`.
  const Binding* find_from(std::size_t first, std::string_view prefix) const {
    for (std::size_t i = m_stack.size(); i > first; --i) {
      if (m_stack[i - 1].prefix == prefix) {
        return &m_stack[i - 1];
      }
    }
    return nullptr;
  }
  // Exc §3: already rendered with this value by an output ancestor. An empty default
  // namespace that nobody rendered counts as rendered: xmlns="" is never needed there.
  bool rendered(const Binding& b) const {
    const Binding* r = find(b.prefix);
    return r != nullptr ? r->href == b.href : (b.prefix.empty() && b.href.empty());
  }

 private:
  std::vector<Binding> m_stack;
};

Binding binding_of(const xmlNs* ns) { return Binding{sv(ns->prefix), sv(ns->href)}; }

class Writer final {
 public:
  Writer(const xmlDoc* doc, C14NMethod method, const C14NSink& sink) : m_doc(doc), m_method(method), m_out(sink) {}

  // C14N §2.3 element nodes: "<" QName, the namespace axis, the attribute axis, ">".
  // The apex is an element whose parent is not in the node set.
  void open(const xmlNode* e, bool apex) {
    m_out.put("<");
    put_qname(e->ns, e->name);
    m_list.clear();
    if (m_method == C14NMethod::kExclusive10) {
      exclusive_namespaces(e);
    } else if (apex) {
      inclusive_apex_namespaces(e);
    } else {
      inclusive_namespaces(e);
    }
    std::sort(m_list.begin(), m_list.end(), by_prefix);
    for (const Binding& b : m_list) {
      m_out.put(b.prefix.empty() ? " xmlns=\"" : " xmlns:");
      if (!b.prefix.empty()) {
        m_out.put(b.prefix);
        m_out.put("=\"");
      }
      m_out.put(b.href);
      m_out.put("\"");
    }
    attributes(e, apex && m_method == C14NMethod::kInclusive10);
    m_out.put(">");
  }

  void close(const xmlNode* e) {
    m_out.put("</");
    put_qname(e->ns, e->name);
    m_out.put(">");
  }

  void character_data(const xmlNode* n) {
    if (n->content != nullptr) {
      m_out.put_escaped(reinterpret_cast<const char*>(n->content), Escape::kText);
    }
  }

  // C14N §2.3 processing instructions, with the #xA around those outside the
  // document element.
  void processing_instruction(const xmlNode* n, bool before_root, bool after_root) {
    m_out.put(after_root ? "\n<?" : "<?");
    m_out.put(sv(n->name));
    if (n->content != nullptr && *n->content != 0) {
      m_out.put(" ");
      m_out.put_escaped(reinterpret_cast<const char*>(n->content), Escape::kPi);
    }
    m_out.put(before_root ? "?>\n" : "?>");
  }

  Scope& scope() { return m_scope; }
  bool finish() { return m_out.flush(); }

 private:
  void put_qname(const xmlNs* ns, const xmlChar* name) {
    if (ns != nullptr && ns->prefix != nullptr && *ns->prefix != 0) {
      m_out.put(sv(ns->prefix));
      m_out.put(":");
    }
    m_out.put(sv(name));
  }

  // C14N §2.3 namespace axis. Over the whole document the nearest output ancestor is
  // the parent, whose in-scope declarations are the scope; only the element's own
  // declarations can differ from it. xmlns="" is written only to undo a non-empty
  // default namespace of the parent.
  void inclusive_namespaces(const xmlNode* e) {
    for (const xmlNs* ns = e->nsDef; ns != nullptr; ns = ns->next) {
      if (is_xml_namespace(ns)) {
        continue;
      }
      Binding b = binding_of(ns);
      const Binding* parent = m_scope.find(b.prefix);
      bool write = b.prefix.empty() && b.href.empty() ? parent != nullptr && !parent->href.empty()
                                                      : parent == nullptr || parent->href != b.href;
      if (write) {
        m_list.push_back(b);
      }
    }
    for (const xmlNs* ns = e->nsDef; ns != nullptr; ns = ns->next) {
      if (!is_xml_namespace(ns)) {
        m_scope.push(binding_of(ns));
      }
    }
  }

  // C14N §2.3 at the apex: no output ancestor, so every namespace in scope is
  // written (the nearest declaration of each prefix), except xmlns="".
  void inclusive_apex_namespaces(const xmlNode* e) {
    std::size_t first = m_scope.mark();
    for (const xmlNode* n = e; n != nullptr && n->type == XML_ELEMENT_NODE; n = n->parent) {
      for (const xmlNs* ns = n->nsDef; ns != nullptr; ns = ns->next) {
        Binding b = binding_of(ns);
        if (is_xml_namespace(ns) || m_scope.find_from(first, b.prefix) != nullptr) {
          continue;
        }
        m_scope.push(b);
        if (!b.prefix.empty() || !b.href.empty()) {
          m_list.push_back(b);
        }
      }
    }
  }

  // Exc §3: the namespaces visibly utilized by the element and its attributes that no
  // output ancestor rendered with the same value.
  void exclusive_namespaces(const xmlNode* e) {
    bool default_utilized = false;  // the element has no namespace: it uses xmlns=""
    bool default_bound = false;     // ... and a default namespace declaration is in scope
    const xmlNs* ns = e->ns;
    if (ns == nullptr) {
      default_utilized = true;
      ns = ::xmlSearchNs(const_cast<xmlDoc*>(m_doc), const_cast<xmlNode*>(e), nullptr);
    }
    if (ns != nullptr && !is_xml_namespace(ns)) {
      utilize(binding_of(ns));
      default_bound = sv(ns->prefix).empty();
    }
    for (const xmlAttr* a = e->properties; a != nullptr; a = a->next) {
      if (a->ns != nullptr && !is_xml_namespace(a->ns)) {
        utilize(binding_of(a->ns));
        default_bound = default_bound || sv(a->ns->prefix).empty();
      }
    }
    if (default_utilized && !default_bound && !m_scope.rendered(Binding{})) {
      m_list.push_back(Binding{});
    }
  }

  void utilize(const Binding& b) {
    bool already = m_scope.rendered(b);
    m_scope.push(b);
    if (!already) {
      m_list.push_back(b);
    }
  }

  // C14N §2.3 attribute axis: unqualified attributes first, then by namespace name
  // and local name. At an inclusive apex the nearest xml:* attributes of the
  // ancestors join in, unless the element has its own.
  void attributes(const xmlNode* e, bool inherit_xml) {
    m_attrs.clear();
    for (const xmlAttr* a = e->properties; a != nullptr; a = a->next) {
      m_attrs.push_back(a);
    }
    for (const xmlNode* n = e->parent; inherit_xml && n != nullptr && n->type == XML_ELEMENT_NODE; n = n->parent) {
      for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
        if (!is_xml_namespace(a->ns)) {
          continue;
        }
        bool present = std::any_of(m_attrs.begin(), m_attrs.end(), [&](const xmlAttr* have) {
          return is_xml_namespace(have->ns) && sv(have->name) == sv(a->name);
        });
        if (!present) {
          m_attrs.push_back(a);
        }
      }
    }
    std::sort(m_attrs.begin(), m_attrs.end(), [](const xmlAttr* a, const xmlAttr* b) {
      if (a->ns != b->ns) {
        if (a->ns == nullptr || b->ns == nullptr) {
          return a->ns == nullptr;
        }
        int c = sv(a->ns->href).compare(sv(b->ns->href));
        if (c != 0) {
          return c < 0;
        }
      }
      return sv(a->name) < sv(b->name);
    });
    for (const xmlAttr* a : m_attrs) {
      m_out.put(" ");
      put_qname(a->ns, a->name);
      m_out.put("=\"");
      for (const xmlNode* t = a->children; t != nullptr; t = t->next) {
        if (t->content != nullptr) {
          m_out.put_escaped(reinterpret_cast<const char*>(t->content), Escape::kAttribute);
        }
      }
      m_out.put("\"");
    }
  }

  const xmlDoc* m_doc;
  C14NMethod m_method;
  Output m_out;
  Scope m_scope;
  std::vector<Binding> m_list;
  std::vector<const xmlAttr*> m_attrs;
};

// Writes `root`'s subtree without `omitted`, depth first without recursion. `root`
// is the apex when its parent is not written.
void write_element_tree(Writer& w, const xmlNode* root, const xmlNode* omitted, bool root_is_apex) {
  std::vector<std::size_t> marks;
  const xmlNode* cur = root;
  while (cur != nullptr) {
    bool descend = false;
    if (cur->type == XML_ELEMENT_NODE && cur != omitted) {
      marks.push_back(w.scope().mark());
      w.open(cur, cur == root && root_is_apex);
      descend = cur->children != nullptr;
      if (!descend) {
        w.close(cur);
        w.scope().pop_to(marks.back());
        marks.pop_back();
      }
    } else if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) {
      w.character_data(cur);
    } else if (cur->type == XML_PI_NODE) {
      w.processing_instruction(cur, false, false);
    }
    if (descend) {
      cur = cur->children;
      continue;
    }
    while (cur != root && cur->next == nullptr) {
      cur = cur->parent;
      w.close(cur);
      w.scope().pop_to(marks.back());
      marks.pop_back();
    }
    cur = cur == root ? nullptr : cur->next;
  }
}

bool element_of(const xmlDoc* doc, const xmlNode* n) { return n->type == XML_ELEMENT_NODE && n->doc == doc; }

}  // namespace c14n_impl
}  // namespace

C14NWrite write_c14n_without(const xmlDoc* doc, const xmlNode* omitted, C14NMethod method, const C14NSink& sink) {
  using namespace c14n_impl;
  if (doc == nullptr || (omitted != nullptr && !element_of(doc, omitted))) {
    return C14NWrite::kNotHandled;
  }
  Writer w(doc, method, sink);
  bool root_written = false;
  for (const xmlNode* n = doc->children; n != nullptr; n = n->next) {
    if (n->type == XML_ELEMENT_NODE && n != omitted) {
      write_element_tree(w, n, omitted, false);  // the document element: its parent is the root node
      root_written = true;
    } else if (n->type == XML_PI_NODE) {
      w.processing_instruction(n, !root_written, root_written);
    }
  }
  return w.finish() ? C14NWrite::kWritten : C14NWrite::kSinkFailed;
}

C14NWrite write_c14n_subtree(const xmlDoc* doc, const xmlNode* top, C14NMethod method, const C14NSink& sink) {
  using namespace c14n_impl;
  if (doc == nullptr || top == nullptr || !element_of(doc, top)) {
    return C14NWrite::kNotHandled;
  }
  Writer w(doc, method, sink);
  write_element_tree(w, top, nullptr, top->parent != nullptr && top->parent->type == XML_ELEMENT_NODE);
  return w.finish() ? C14NWrite::kWritten : C14NWrite::kSinkFailed;
}

}  // namespace eutl::verify::trust
