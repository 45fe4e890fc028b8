// What the parser learns about a document's markup while it builds the tree, so that
// verify/ need not walk the finished tree again for it. XmlDocument::parse records
// them (tsl/xml_document.cpp) for each element as libxml2 creates it, while the
// element is still in cache; verify/signature_structure.cpp and verify/c14n_support.cpp
// read them. Internal to tsl/ and verify/.
#pragma once

#include <libxml/tree.h>

#include <string_view>
#include <vector>

namespace eutl::tsl::detail {

struct ParseFacts final {
  // Attributes named Id, ID or id in no namespace, in document order: what an
  // XML-DSig "#id" reference may resolve to (verify/ refuses duplicates).
  std::vector<xmlAttr*> id_attributes;
  // ds:Signature elements (W3C XML-DSig namespace), in document order.
  std::vector<xmlNode*> signatures;
  // Every namespace name is empty or a plain absolute URI (plain_absolute_uri), every
  // attribute value is text alone, and no entity reference node was built: the markup
  // that verify/c14n_writer.cpp writes exactly as libxml2's canonicaliser does.
  bool plain_markup = true;

  // Records element `e`, just built with its attributes and namespace declarations.
  void observe(xmlNode* e);
  // An entity reference node was built.
  void observe_reference() noexcept { plain_markup = false; }
};

// Whether the element's own namespace declarations and attributes are plain (above).
bool plain_element_markup(const xmlNode* e) noexcept;

// An absolute URI that libxml2's relative-namespace test (a scheme, and a server
// unless the scheme is "urn") certainly accepts and that needs no escaping.
bool plain_absolute_uri(std::string_view href) noexcept;

// The facts XmlDocument::parse recorded for `doc` (kept in xmlDoc::_private); nullptr
// for a document that did not come from it.
const ParseFacts* parse_facts(const xmlDoc* doc) noexcept;

}  // namespace eutl::tsl::detail
