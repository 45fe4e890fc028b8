// Reading and checking the shape of a trusted list's ds:Signature before any
// cryptography: where it is, what it references, which transforms it uses, and the
// XAdES signed properties. Internal to verify/.
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <vector>

#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"
#include "eutl/tsl/xml_document.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/trace.h"

namespace eutl::verify::trust {

// A CertDigest from xades:SigningCertificate(V2)/Cert.
struct CertDigestRef final {
  std::string algorithm;  // DigestMethod URI
  tsl::Bytes value;
};

struct SignatureStructure final {
  xmlNode* signature = nullptr;
  std::string signature_method;
  std::vector<std::string> digest_methods;  // of every reference
  std::vector<tsl::Bytes> keyinfo_certificates;
  std::vector<CertDigestRef> signing_cert_v1;
  std::vector<CertDigestRef> signing_cert_v2;
  bool signing_time_present = false;
  std::optional<tsl::TimePoint> signing_time;
};

// kPass: the structure is acceptable and the Ids the references use are registered
// on the document. kFail: `reasons` says why (nothing is registered then).
Outcome read_signature_structure(const tsl::XmlDocument& doc, SignatureStructure& out, std::vector<Reason>& reasons);

}  // namespace eutl::verify::trust
