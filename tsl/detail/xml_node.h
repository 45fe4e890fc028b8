// A non-owning, trivially copyable view over a libxml2 element (style C6).
// Missing nodes are empty views, never null pointers to check.
#pragma once

#include <libxml/tree.h>

#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "eutl/tsl/xml_document.h"
#include "tsl/detail/c_handle.h"
#include "tsl/detail/parse_facts.h"
#include "tsl/detail/xml_arena.h"

namespace eutl::tsl::detail {

using XmlDocPtr = eutl::detail::CHandle<xmlDoc, ::xmlFreeDoc>;

inline std::string_view sv(const xmlChar* s) {
  return s == nullptr ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(s));
}

class XmlNode final {
 public:
  XmlNode() = default;
  explicit XmlNode(xmlNode* n) : m_node(n) {}

  explicit operator bool() const noexcept { return m_node != nullptr; }
  xmlNode* raw() const noexcept { return m_node; }
  std::string_view local_name() const noexcept { return m_node ? sv(m_node->name) : std::string_view{}; }
  std::string_view ns() const noexcept {
    return (m_node && m_node->ns) ? sv(m_node->ns->href) : std::string_view{};
  }
  // Compares without strlen: this runs for every child visited by child()/children().
  bool is(std::string_view ns_uri, std::string_view local) const noexcept {
    return m_node && equals(m_node->name, local) &&
           (m_node->ns != nullptr ? equals(m_node->ns->href, ns_uri) : ns_uri.empty());
  }
  long line() const noexcept { return m_node ? ::xmlGetLineNo(m_node) : 0; }

  // First element child with this namespace and local name.
  XmlNode child(std::string_view ns_uri, std::string_view local) const noexcept {
    for (XmlNode c = first_element(); c; c = c.next_element()) {
      if (c.is(ns_uri, local)) return c;
    }
    return {};
  }
  XmlNode first_element() const noexcept {
    if (!m_node) return {};
    for (xmlNode* c = m_node->children; c; c = c->next) {
      if (c->type == XML_ELEMENT_NODE) return XmlNode(c);
    }
    return {};
  }
  XmlNode next_element() const noexcept {
    if (!m_node) return {};
    for (xmlNode* c = m_node->next; c; c = c->next) {
      if (c->type == XML_ELEMENT_NODE) return XmlNode(c);
    }
    return {};
  }

  // Attribute without namespace (most TS 119 612 attributes).
  std::string_view attr(const char* name) const noexcept {
    if (!m_node) return {};
    for (xmlAttr* a = m_node->properties; a; a = a->next) {
      if (a->ns == nullptr && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) {
        return attr_value(a);
      }
    }
    return {};
  }
  std::string_view attr(std::string_view ns_uri, const char* name) const noexcept {
    if (!m_node) return {};
    for (xmlAttr* a = m_node->properties; a; a = a->next) {
      if (a->ns && sv(a->ns->href) == ns_uri && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) {
        return attr_value(a);
      }
    }
    return {};
  }

  // Text content of a simple element. A single text child is returned without a
  // copy; mixed content falls back to concatenation into `scratch`.
  std::string_view text(std::string& scratch) const {
    if (!m_node) return {};
    xmlNode* c = m_node->children;
    if (c && c->next == nullptr && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)) {
      return sv(c->content);
    }
    scratch.clear();
    for (; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) scratch += sv(c->content);
    }
    return scratch;
  }
  // Trimmed copy of the text content.
  std::string text() const;

 private:
  // A NUL-terminated libxml2 string equals `s` (which holds no NUL). strncmp stops at
  // the NUL of a shorter `z`, so z[s.size()] is read only when z is long enough.
  static bool equals(const xmlChar* z, std::string_view s) noexcept {
    return z != nullptr && std::strncmp(reinterpret_cast<const char*>(z), s.data(), s.size()) == 0 &&
           z[s.size()] == 0;
  }
  static std::string_view attr_value(xmlAttr* a) noexcept {
    xmlNode* c = a->children;
    if (c && c->next == nullptr && c->type == XML_TEXT_NODE) return sv(c->content);
    return {};
  }
  xmlNode* m_node = nullptr;
};

// Range over the element children with a given name: for (XmlNode n : children(p, ns, "X")).
class XmlChildren final {
 public:
  XmlChildren(XmlNode parent, std::string_view ns_uri, std::string_view local)
      : m_parent(parent), m_ns(ns_uri), m_local(local) {}
  class iterator {
   public:
    iterator(XmlNode n, const XmlChildren* r) : m_n(n), m_r(r) { skip(); }
    XmlNode operator*() const { return m_n; }
    iterator& operator++() {
      m_n = m_n.next_element();
      skip();
      return *this;
    }
    bool operator!=(const iterator& o) const { return m_n.raw() != o.m_n.raw(); }

   private:
    void skip() {
      while (m_n && !m_n.is(m_r->m_ns, m_r->m_local)) m_n = m_n.next_element();
    }
    XmlNode m_n;
    const XmlChildren* m_r;
  };
  iterator begin() const { return iterator(m_parent.first_element(), this); }
  iterator end() const { return iterator(XmlNode{}, this); }

 private:
  XmlNode m_parent;
  std::string_view m_ns;
  std::string_view m_local;
};

inline XmlChildren children(XmlNode parent, std::string_view ns_uri, std::string_view local) {
  return XmlChildren(parent, ns_uri, local);
}

std::string_view trim(std::string_view s) noexcept;

}  // namespace eutl::tsl::detail

// The private side of XmlDocument, for tsl/ and verify/ code that needs libxml2.
struct eutl::tsl::XmlDocument::Impl {
  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl();  // tsl/xml_document.cpp

  std::unique_ptr<eutl::tsl::detail::XmlArena> arena;  // the tree's memory: outlives doc
  eutl::tsl::detail::XmlDocPtr doc;
  std::string source;
  eutl::tsl::detail::ParseFacts facts;  // doc->_private points here
};

namespace eutl::tsl::detail {

// The libxml2 document behind an XmlDocument. Not part of the public API: the public
// header only names this accessor as a friend.
struct XmlDocumentAccess final {
  static xmlDoc* native(const XmlDocument& d) noexcept { return d.m_impl->doc.get(); }
  static const ParseFacts& facts(const XmlDocument& d) noexcept { return d.m_impl->facts; }
};

inline xmlDoc* native_document(const XmlDocument& d) noexcept { return XmlDocumentAccess::native(d); }
// What the parse recorded about the document (tsl/detail/parse_facts.h).
inline const ParseFacts& parse_facts(const XmlDocument& d) noexcept { return XmlDocumentAccess::facts(d); }

}  // namespace eutl::tsl::detail
