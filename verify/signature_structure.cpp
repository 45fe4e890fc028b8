// The shape of a trusted list's signature (TS 119 612 V2.4.1 §5.7.1, Annex B; XAdES
// EN 319 132-1 V1.2.1 §4.3, §5.2): one enveloped ds:Signature, child of the root,
// whose SignedInfo covers the whole document and the signature's own SignedProperties.
// Also the defence against signature wrapping: Ids are resolved here, never by a
// search that could find a second, attacker-placed copy.
#include "verify/detail/signature_structure.h"

#include <array>
#include <string_view>
#include <unordered_map>

#include "tsl/detail/parse_facts.h"
#include "tsl/detail/xml_node.h"
#include "verify/reasons.h"

namespace eutl::verify::trust {
namespace {

using tsl::detail::XmlChildren;
using tsl::detail::XmlNode;
namespace ns = tsl::ns;

inline constexpr std::string_view kEnveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
// W3C XML-DSig §6.6.1 / Exclusive C14N / C14N 1.1, with and without comments.
inline constexpr std::array<std::string_view, 6> kC14n{
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
    "http://www.w3.org/2001/10/xml-exc-c14n#",
    "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
    "http://www.w3.org/2006/12/xml-c14n11",
    "http://www.w3.org/2006/12/xml-c14n11#WithComments",
};
// XAdES EN 319 132-1 §4.3: the Type of the reference to SignedProperties.
inline constexpr std::string_view kSignedPropertiesType = "http://uri.etsi.org/01903#SignedProperties";

bool is_c14n(std::string_view uri) {
  for (auto c : kC14n) {
    if (c == uri) {
      return true;
    }
  }
  return false;
}

std::string_view attr_text(const xmlAttr* a) {
  const xmlNode* c = a->children;
  if (c != nullptr && c->next == nullptr && c->type == XML_TEXT_NODE) {
    return tsl::detail::sv(c->content);
  }
  return {};
}

// Every Id attribute of the document by value, from what the parse recorded as it
// built each element (tsl/detail/parse_facts.h): no second walk over the tree.
using IdsByValue = std::unordered_map<std::string_view, std::vector<xmlAttr*>>;

IdsByValue ids_by_value(const tsl::detail::ParseFacts& facts) {
  IdsByValue out;
  out.reserve(facts.id_attributes.size());
  for (xmlAttr* a : facts.id_attributes) {
    out[attr_text(a)].push_back(a);
  }
  return out;
}

struct Ref final {
  XmlNode node;
  std::string uri;
  std::string type;
  std::vector<std::string> transforms;
  bool has_uri = false;
};

std::vector<Ref> read_references(XmlNode signed_info, std::vector<std::string>& digest_methods) {
  std::vector<Ref> refs;
  for (XmlNode r : tsl::detail::children(signed_info, ns::kDs, "Reference")) {
    Ref ref{r, std::string(r.attr("URI")), std::string(r.attr("Type")), {},
            ::xmlHasProp(r.raw(), reinterpret_cast<const xmlChar*>("URI")) != nullptr};
    for (XmlNode t : tsl::detail::children(r.child(ns::kDs, "Transforms"), ns::kDs, "Transform")) {
      ref.transforms.emplace_back(t.attr("Algorithm"));
    }
    digest_methods.emplace_back(r.child(ns::kDs, "DigestMethod").attr("Algorithm"));
    refs.push_back(std::move(ref));
  }
  return refs;
}

std::vector<CertDigestRef> read_cert_digests(XmlNode signing_certificate) {
  std::vector<CertDigestRef> out;
  for (XmlNode cert : tsl::detail::children(signing_certificate, ns::kXades, "Cert")) {
    XmlNode digest = cert.child(ns::kXades, "CertDigest");
    CertDigestRef ref;
    ref.algorithm = std::string(digest.child(ns::kDs, "DigestMethod").attr("Algorithm"));
    auto value = tsl::base64_decode(digest.child(ns::kDs, "DigestValue").text());
    if (value) {
      ref.value = std::move(*value);
    }
    out.push_back(std::move(ref));
  }
  return out;
}

// The Id attribute an "#id" reference resolves to (values are known to be unique).
xmlAttr* resolve_id(const IdsByValue& ids, std::string_view id) {
  auto it = ids.find(id);
  return it == ids.end() ? nullptr : it->second.front();
}

bool register_id(xmlDoc* doc, xmlAttr* attr, std::string_view value) {
  std::string v(value);
  xmlAttr* existing = ::xmlGetID(doc, reinterpret_cast<const xmlChar*>(v.c_str()));
  if (existing != nullptr) {
    return existing == attr;
  }
  return ::xmlAddID(nullptr, doc, reinterpret_cast<const xmlChar*>(v.c_str()), attr) != nullptr;
}

Outcome fail(std::vector<Reason>& reasons, const reasons::ReasonInfo& info, std::string_view detail = {}) {
  reasons.push_back(reasons::make(info, detail));
  return Outcome::kFail;
}

}  // namespace

Outcome read_signature_structure(const tsl::XmlDocument& doc, SignatureStructure& out,
                                 std::vector<Reason>& reasons) {
  xmlDoc* xdoc = tsl::detail::native_document(doc);
  xmlNode* root = ::xmlDocGetRootElement(xdoc);
  const tsl::detail::ParseFacts& facts = tsl::detail::parse_facts(doc);
  const std::vector<xmlNode*>& signatures = facts.signatures;
  const IdsByValue ids = ids_by_value(facts);
  // TS 119 612 §5.7.1: the list carries exactly one enveloped signature.
  if (signatures.empty()) {
    return fail(reasons, reasons::kSigMissing);
  }
  if (signatures.size() > 1) {
    return fail(reasons, reasons::kSigMultiple, std::to_string(signatures.size()) + " signatures");
  }
  XmlNode sig(signatures.front());
  if (sig.raw()->parent != root) {
    return fail(reasons, reasons::kSigNotRootChild);
  }
  for (const auto& [value, attrs] : ids) {
    if (attrs.size() > 1) {
      return fail(reasons, reasons::kSigDuplicateId, "\"" + std::string(value) + "\"");
    }
  }
  out.signature = sig.raw();
  XmlNode signed_info = sig.child(ns::kDs, "SignedInfo");
  if (!signed_info || !sig.child(ns::kDs, "SignatureValue")) {
    return fail(reasons, reasons::kSigStructure, "SignedInfo or SignatureValue missing");
  }
  out.signature_method = std::string(signed_info.child(ns::kDs, "SignatureMethod").attr("Algorithm"));
  std::string c14n(signed_info.child(ns::kDs, "CanonicalizationMethod").attr("Algorithm"));
  if (!is_c14n(c14n)) {
    return fail(reasons, reasons::kSigTransformNotAllowed, "CanonicalizationMethod " + c14n);
  }
  // The signed properties must be this signature's own (EN 319 132-1 §4.3.1).
  XmlNode signed_props;
  for (XmlNode obj : tsl::detail::children(sig, ns::kDs, "Object")) {
    XmlNode qp = obj.child(ns::kXades, "QualifyingProperties");
    if (qp) {
      signed_props = qp.child(ns::kXades, "SignedProperties");
      break;
    }
  }
  std::vector<Ref> refs = read_references(signed_info, out.digest_methods);
  bool whole_document = false;
  bool covers_props = false;
  std::vector<std::pair<xmlAttr*, std::string>> to_register;
  for (const Ref& r : refs) {
    xmlNode* target = nullptr;
    xmlAttr* id_attr = nullptr;
    if (r.uri.empty() && r.has_uri) {
      target = root;  // URI="": the whole document (XML-DSig §4.3.3.2)
    } else if (r.uri.size() > 1 && r.uri.front() == '#') {
      id_attr = resolve_id(ids, std::string_view(r.uri).substr(1));
      target = id_attr != nullptr ? id_attr->parent : nullptr;
    } else {
      return fail(reasons, reasons::kSigRefUnexpected, "Reference URI \"" + r.uri + "\"");
    }
    if (target == nullptr) {
      return fail(reasons, reasons::kSigStructure, "Reference " + r.uri + " resolves to nothing");
    }
    if (target == root) {
      for (const auto& t : r.transforms) {
        if (t != kEnveloped && !is_c14n(t)) {
          return fail(reasons, reasons::kSigTransformNotAllowed, t);
        }
      }
      whole_document = true;
    } else if (signed_props && target == signed_props.raw()) {
      for (const auto& t : r.transforms) {
        if (!is_c14n(t)) {
          return fail(reasons, reasons::kSigTransformNotAllowed, t);
        }
      }
      covers_props = true;
    } else if (r.type == kSignedPropertiesType) {
      return fail(reasons, reasons::kSigSignedPropertiesMissing,
                  "the SignedProperties reference " + r.uri + " points outside this signature");
    } else {
      // A reference to a sub-element only, or to something else entirely.
      return fail(reasons, reasons::kSigRefNotWholeDocument,
                  "Reference " + r.uri + " points to <" + std::string(XmlNode(target).local_name()) + ">");
    }
    if (id_attr != nullptr) {
      to_register.emplace_back(id_attr, r.uri.substr(1));
    }
  }
  if (!whole_document) {
    return fail(reasons, reasons::kSigRefNotWholeDocument);
  }
  if (!covers_props) {
    return fail(reasons, reasons::kSigSignedPropertiesMissing);
  }
  for (const auto& [attr, value] : to_register) {
    if (!register_id(xdoc, attr, value)) {
      return fail(reasons, reasons::kSigDuplicateId, "\"" + value + "\" is already registered elsewhere");
    }
  }
  for (XmlNode x509 : tsl::detail::children(sig.child(ns::kDs, "KeyInfo"), ns::kDs, "X509Data")) {
    for (XmlNode c : tsl::detail::children(x509, ns::kDs, "X509Certificate")) {
      auto der = tsl::base64_decode(c.text());
      if (der) {
        out.keyinfo_certificates.push_back(std::move(*der));
      }
    }
  }
  XmlNode ssp = signed_props.child(ns::kXades, "SignedSignatureProperties");
  out.signing_cert_v1 = read_cert_digests(ssp.child(ns::kXades, "SigningCertificate"));
  out.signing_cert_v2 = read_cert_digests(ssp.child(ns::kXades, "SigningCertificateV2"));
  XmlNode st = ssp.child(ns::kXades, "SigningTime");
  if (st) {
    out.signing_time_present = true;
    auto t = tsl::parse_datetime(st.text());
    if (t) {
      out.signing_time = t->time;
    }
  }
  return Outcome::kPass;
}

}  // namespace eutl::verify::trust
