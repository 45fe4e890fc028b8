// Facts recorded while a document is parsed (tsl/detail/parse_facts.h).
#include "tsl/detail/parse_facts.h"

#include <cctype>

#include "eutl/tsl/uris.h"
#include "tsl/detail/xml_node.h"

namespace eutl::tsl::detail {
namespace {

bool uri_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("-._~/:@!$()*+,;=?").find(c) != std::string_view::npos;
}

bool text_only(const xmlNode* first) noexcept {
  for (const xmlNode* c = first; c != nullptr; c = c->next) {
    if (c->type != XML_TEXT_NODE) {
      return false;
    }
  }
  return true;
}

bool is_id_name(std::string_view n) noexcept { return n == "Id" || n == "ID" || n == "id"; }

}  // namespace

bool plain_absolute_uri(std::string_view href) noexcept {
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

bool plain_element_markup(const xmlNode* e) noexcept {
  for (const xmlNs* ns = e->nsDef; ns != nullptr; ns = ns->next) {
    if (ns->href == nullptr || (*ns->href != 0 && !plain_absolute_uri(sv(ns->href)))) {
      return false;
    }
  }
  for (const xmlAttr* a = e->properties; a != nullptr; a = a->next) {
    if (a->type != XML_ATTRIBUTE_NODE || !text_only(a->children)) {
      return false;
    }
  }
  return true;
}

void ParseFacts::observe(xmlNode* e) {
  if (plain_markup && !plain_element_markup(e)) {
    plain_markup = false;
  }
  for (xmlAttr* a = e->properties; a != nullptr; a = a->next) {
    if (a->ns == nullptr && is_id_name(sv(a->name))) {
      id_attributes.push_back(a);
    }
  }
  if (XmlNode(e).is(ns::kDs, "Signature")) {
    signatures.push_back(e);
  }
}

const ParseFacts* parse_facts(const xmlDoc* doc) noexcept {
  return doc != nullptr ? static_cast<const ParseFacts*>(doc->_private) : nullptr;
}

}  // namespace eutl::tsl::detail
