// Which documents verify/c14n_writer.cpp reproduces; see verify/detail/c14n_writer.h.
#include <cctype>
#include <string_view>

#include "tsl/detail/xml_node.h"
#include "verify/detail/c14n_writer.h"

namespace eutl::verify::trust {
namespace {
namespace c14n_support {

using tsl::detail::sv;

bool uri_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("-._~/:@!$()*+,;=?").find(c) != std::string_view::npos;
}

// An absolute URI that libxml2's relative-namespace test (scheme, and a server unless
// the scheme is "urn") certainly accepts and that needs no escaping: anything else is
// left to libxml2.
bool plain_absolute_uri(std::string_view href) {
  std::size_t colon = href.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    return false;
  }
  for (std::size_t i = 0; i < colon; ++i) {
    char c = href[i];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alpha && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
      return false;
    }
  }
  std::string_view rest = href.substr(colon + 1);
  if (href.substr(0, colon) != "urn") {
    if (rest.substr(0, 2) != "//" || rest.size() < 3 || !std::isalnum(static_cast<unsigned char>(rest[2]))) {
      return false;
    }
  } else if (rest.empty()) {
    return false;
  }
  bool fragment = false;
  for (char c : rest) {
    if (c == '#' && !fragment) {
      fragment = true;
    } else if (!uri_char(c)) {
      return false;
    }
  }
  return true;
}

bool plain_text_children(const xmlNode* first) {
  for (const xmlNode* c = first; c != nullptr; c = c->next) {
    if (c->type != XML_TEXT_NODE) {
      return false;
    }
  }
  return true;
}

bool element_handled(const xmlNode* e) {
  for (const xmlNs* ns = e->nsDef; ns != nullptr; ns = ns->next) {
    if (ns->href == nullptr || (*ns->href != 0 && !plain_absolute_uri(sv(ns->href)))) {
      return false;
    }
  }
  for (const xmlAttr* a = e->properties; a != nullptr; a = a->next) {
    if (a->type != XML_ATTRIBUTE_NODE || !plain_text_children(a->children)) {
      return false;
    }
  }
  return true;
}

}  // namespace c14n_support
}  // namespace

bool is_xml_namespace(const xmlNs* ns) {
  using tsl::detail::sv;
  return ns != nullptr && sv(ns->prefix) == "xml" && sv(ns->href) == "http://www.w3.org/XML/1998/namespace";
}

// One pass over every node of the document: libxml2 checks the namespace declarations
// of elements outside the node set too.
bool c14n_writer_handles(const xmlDoc* doc) {
  using namespace c14n_support;
  if (doc == nullptr) {
    return false;
  }
  for (const xmlNode* n = doc->children; n != nullptr; n = n->next) {
    if (n->type == XML_PI_NODE || n->type == XML_COMMENT_NODE) {
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) {
      return false;
    }
    const xmlNode* cur = n;
    while (cur != nullptr) {
      switch (cur->type) {
        case XML_ELEMENT_NODE:
          if (!element_handled(cur)) {
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
