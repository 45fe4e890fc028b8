// Which documents verify/c14n_writer.cpp reproduces; see verify/detail/c14n_writer.h.
#include <string_view>

#include "tsl/detail/parse_facts.h"
#include "tsl/detail/xml_node.h"
#include "verify/detail/c14n_writer.h"

namespace eutl::verify::trust {

bool is_xml_namespace(const xmlNs* ns) {
  using tsl::detail::sv;
  return ns != nullptr && sv(ns->prefix) == "xml" && sv(ns->href) == "http://www.w3.org/XML/1998/namespace";
}

namespace {

// The document's own children: elements, processing instructions and comments.
bool plain_top_level(const xmlDoc* doc) {
  for (const xmlNode* n = doc->children; n != nullptr; n = n->next) {
    if (n->type != XML_PI_NODE && n->type != XML_COMMENT_NODE && n->type != XML_ELEMENT_NODE) {
      return false;
    }
  }
  return true;
}

}  // namespace

// A document from tsl::XmlDocument::parse: what its parse recorded (each element was
// checked as it was built; an entity reference node is the only other node type a
// parse that refuses DTDs could build). libxml2 checks the namespace declarations of
// elements outside the node set too, hence the whole document.
bool c14n_writer_handles(const xmlDoc* doc) {
  if (doc == nullptr) {
    return false;
  }
  if (const tsl::detail::ParseFacts* facts = tsl::detail::parse_facts(doc)) {
    return facts->plain_markup && plain_top_level(doc);
  }
  return c14n_writer_handles_walk(doc);
}

// One pass over every node of the document.
bool c14n_writer_handles_walk(const xmlDoc* doc) {
  if (doc == nullptr || !plain_top_level(doc)) {
    return false;
  }
  for (const xmlNode* n = doc->children; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) {
      continue;
    }
    const xmlNode* cur = n;
    while (cur != nullptr) {
      switch (cur->type) {
        case XML_ELEMENT_NODE:
          if (!tsl::detail::plain_element_markup(cur)) {
            return false;
          }
          break;
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
        case XML_PI_NODE:
        case XML_COMMENT_NODE:
          break;
        default:
          return false;
      }
      if (cur->type == XML_ELEMENT_NODE && cur->children != nullptr) {
        cur = cur->children;
        continue;
      }
      while (cur != n && cur->next == nullptr) {
        cur = cur->parent;
      }
      cur = cur == n ? nullptr : cur->next;
    }
  }
  return true;
}

}  // namespace eutl::verify::trust
