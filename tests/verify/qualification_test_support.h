// Test PKI and in-memory trusted lists for the qualification tests: certificates are
// made with the OpenSSL API (EC P-256), lists are tsl::TrustedList models.
#pragma once

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "eutl/tsl/bytes.h"
#include "eutl/tsl/model.h"
#include "eutl/tsl/service_index.h"
#include "eutl/verify/certificate_profile.h"

namespace eutl::test {

using KeyPtr = std::shared_ptr<EVP_PKEY>;

inline KeyPtr make_key() { return KeyPtr(EVP_EC_gen("P-256"), EVP_PKEY_free); }

inline tsl::TimePoint date(int y, unsigned m, unsigned d) {
  return tsl::TimePoint{std::chrono::sys_days{std::chrono::year{y} / m / d}};
}

inline tsl::Bytes der_tlv(std::uint8_t tag, const tsl::Bytes& content) {
  tsl::Bytes out{tag};
  std::size_t n = content.size();
  if (n < 0x80) {
    out.push_back(static_cast<std::uint8_t>(n));
  } else if (n < 0x100) {
    out.push_back(0x81);
    out.push_back(static_cast<std::uint8_t>(n));
  } else {
    out.push_back(0x82);
    out.push_back(static_cast<std::uint8_t>(n >> 8));
    out.push_back(static_cast<std::uint8_t>(n & 0xff));
  }
  out.insert(out.end(), content.begin(), content.end());
  return out;
}

inline tsl::Bytes cat(std::initializer_list<tsl::Bytes> parts) {
  tsl::Bytes out;
  for (const auto& p : parts) {
    out.insert(out.end(), p.begin(), p.end());
  }
  return out;
}

inline tsl::Bytes der_oid(const std::string& dotted) {
  ASN1_OBJECT* o = OBJ_txt2obj(dotted.c_str(), 1);
  unsigned char* buf = nullptr;
  int n = i2d_ASN1_OBJECT(o, &buf);
  tsl::Bytes b(buf, buf + n);
  OPENSSL_free(buf);
  ASN1_OBJECT_free(o);
  return b;
}

inline tsl::Bytes der_str(std::uint8_t tag, const std::string& s) { return der_tlv(tag, tsl::Bytes(s.begin(), s.end())); }

// One QCStatement: SEQUENCE { OID, info? }.
inline tsl::Bytes qc_statement(const std::string& oid, const tsl::Bytes& info = {}) {
  return der_tlv(0x30, cat({der_oid(oid), info}));
}
inline tsl::Bytes qc_type(std::initializer_list<std::string> oids) {
  tsl::Bytes seq;
  for (const auto& o : oids) {
    seq = cat({seq, der_oid(o)});
  }
  return qc_statement("0.4.0.1862.1.6", der_tlv(0x30, seq));
}

struct CertSpec final {
  std::string cn = "Test EE";
  std::string org = "Test Org";
  std::string country = "AA";
  tsl::TimePoint not_before = date(2020, 1, 1);
  tsl::TimePoint not_after = date(2030, 1, 1);
  bool ca = false;
  std::string key_usage = "digitalSignature,nonRepudiation";
  std::string policies;  // comma-separated OIDs
  std::string ekus;      // comma-separated OIDs
  std::vector<tsl::Bytes> qc;  // statements; empty: no extension
  bool raw_qc = false;         // when true, qc_raw is the extension value
  tsl::Bytes qc_raw;
  long serial = 1;
  std::string unknown_critical_oid;  // when set: a critical extension (NULL value) no verifier knows
};

struct Issued final {
  tsl::Bytes der;
  KeyPtr key;
};

inline void add_ext(X509* x, int nid, const std::string& value) {
  if (value.empty()) {
    return;
  }
  X509_EXTENSION* e = X509V3_EXT_conf_nid(nullptr, nullptr, nid, value.c_str());
  X509_add_ext(x, e, -1);
  X509_EXTENSION_free(e);
}

inline void add_raw_ext(X509* x, const std::string& oid, const tsl::Bytes& value, bool critical = false) {
  ASN1_OBJECT* o = OBJ_txt2obj(oid.c_str(), 1);
  ASN1_OCTET_STRING* os = ASN1_OCTET_STRING_new();
  ASN1_OCTET_STRING_set(os, value.data(), static_cast<int>(value.size()));
  X509_EXTENSION* e = X509_EXTENSION_create_by_OBJ(nullptr, o, critical ? 1 : 0, os);
  X509_add_ext(x, e, -1);
  X509_EXTENSION_free(e);
  ASN1_OCTET_STRING_free(os);
  ASN1_OBJECT_free(o);
}

inline tsl::Bytes key_id(EVP_PKEY* k) {
  unsigned char* buf = nullptr;
  int n = i2d_PUBKEY(k, &buf);
  auto h = tsl::sha256(tsl::ByteView(buf, static_cast<std::size_t>(n)));
  OPENSSL_free(buf);
  return tsl::Bytes(h.begin(), h.begin() + 20);
}

// Issues a certificate for `spec` signed by `issuer_key` under `issuer_name` (nullptr:
// self-signed with the new key).
inline Issued issue(const CertSpec& spec, const Issued* issuer, const std::string& issuer_cn = "",
                    const std::string& issuer_org = "", const std::string& issuer_c = "") {
  Issued out;
  out.key = make_key();
  X509* x = X509_new();
  X509_set_version(x, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(x), spec.serial);
  X509_NAME* subj = X509_NAME_new();
  X509_NAME_add_entry_by_txt(subj, "C", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(spec.country.c_str()), -1, -1, 0);
  X509_NAME_add_entry_by_txt(subj, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(spec.org.c_str()), -1, -1, 0);
  X509_NAME_add_entry_by_txt(subj, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(spec.cn.c_str()), -1, -1, 0);
  X509_set_subject_name(x, subj);
  if (issuer == nullptr) {
    X509_set_issuer_name(x, subj);
  } else {
    X509_NAME* in = X509_NAME_new();
    X509_NAME_add_entry_by_txt(in, "C", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(issuer_c.c_str()), -1, -1, 0);
    X509_NAME_add_entry_by_txt(in, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(issuer_org.c_str()), -1, -1, 0);
    X509_NAME_add_entry_by_txt(in, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(issuer_cn.c_str()), -1, -1, 0);
    X509_set_issuer_name(x, in);
    X509_NAME_free(in);
  }
  X509_NAME_free(subj);
  ASN1_TIME_set(X509_getm_notBefore(x), static_cast<time_t>(spec.not_before.time_since_epoch().count()));
  ASN1_TIME_set(X509_getm_notAfter(x), static_cast<time_t>(spec.not_after.time_since_epoch().count()));
  X509_set_pubkey(x, out.key.get());
  add_ext(x, NID_basic_constraints, spec.ca ? "critical,CA:TRUE" : "CA:FALSE");
  add_ext(x, NID_key_usage, spec.ca ? "critical,keyCertSign,cRLSign" : spec.key_usage);
  if (!spec.policies.empty()) {
    tsl::Bytes seq;
    std::string rest = spec.policies;
    while (!rest.empty()) {
      std::size_t comma = rest.find(',');
      seq = cat({seq, der_tlv(0x30, der_oid(rest.substr(0, comma)))});
      rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
    }
    add_raw_ext(x, "2.5.29.32", der_tlv(0x30, seq));
  }
  add_ext(x, NID_ext_key_usage, spec.ekus);
  add_raw_ext(x, "2.5.29.14", der_tlv(0x04, key_id(out.key.get())));
  EVP_PKEY* signer = issuer == nullptr ? out.key.get() : issuer->key.get();
  add_raw_ext(x, "2.5.29.35", der_tlv(0x30, der_tlv(0x80, key_id(signer))));
  if (spec.raw_qc) {
    add_raw_ext(x, "1.3.6.1.5.5.7.1.3", spec.qc_raw);
  } else if (!spec.qc.empty()) {
    tsl::Bytes seq;
    for (const auto& s : spec.qc) {
      seq = cat({seq, s});
    }
    add_raw_ext(x, "1.3.6.1.5.5.7.1.3", der_tlv(0x30, seq));
  }
  if (!spec.unknown_critical_oid.empty()) {
    add_raw_ext(x, spec.unknown_critical_oid, tsl::Bytes{0x05, 0x00}, true);
  }
  X509_sign(x, signer, EVP_sha256());
  unsigned char* buf = nullptr;
  int n = i2d_X509(x, &buf);
  out.der.assign(buf, buf + n);
  OPENSSL_free(buf);
  X509_free(x);
  return out;
}

inline verify::CertificateProfile profile(const tsl::Bytes& der) {
  auto p = verify::read_certificate_profile(der);
  EXPECT_TRUE(p.has_value()) << (p ? "" : p.error().message);
  return p ? std::move(*p) : verify::CertificateProfile{};
}

inline const std::string kSvcType = "http://uri.etsi.org/TrstSvc/Svctype/";
inline const std::string kSvcStatus = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/";
inline const std::string kSvcInfoExt = "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/";

inline tsl::ServiceState state(const std::string& type, const std::string& status, tsl::TimePoint start,
                               std::initializer_list<std::string> asi = {}) {
  tsl::ServiceState s;
  s.type_uri = kSvcType + type;
  s.type = tsl::classify_service_type(s.type_uri);
  s.status_uri = kSvcStatus + status;
  s.status = tsl::classify_service_status(s.status_uri);
  s.status_start = start;
  s.name.values.push_back({"en", "Test CA service"});
  for (const auto& a : asi) {
    tsl::AdditionalServiceInformation info;
    info.uri = kSvcInfoExt + a;
    info.kind = tsl::classify_additional_info(info.uri);
    s.extensions.additional_information.push_back(info);
  }
  return s;
}

inline tsl::QualificationElement qualification(std::initializer_list<std::string> qualifiers,
                                               tsl::CriteriaList criteria = {}) {
  tsl::QualificationElement q;
  for (const auto& name : qualifiers) {
    q.qualifier_uris.push_back(kSvcInfoExt + name);
    q.qualifiers.push_back(tsl::classify_qualifier(q.qualifier_uris.back()));
  }
  q.criteria = std::move(criteria);
  return q;
}

inline tsl::CriteriaList policy_criteria(std::vector<std::string> oids,
                                         tsl::CriteriaAssert a = tsl::CriteriaAssert::kAtLeastOne) {
  tsl::CriteriaList c;
  c.assert_kind = a;
  c.assert_present = true;
  c.policy_sets.push_back(std::move(oids));
  return c;
}

inline tsl::TrustService service(const Issued& ca, tsl::ServiceState current,
                                 std::vector<tsl::ServiceState> history = {}) {
  tsl::TrustService svc;
  svc.current = std::move(current);
  auto blob = tsl::CertificateBlob::from_der(ca.der);
  EXPECT_TRUE(blob.has_value());
  svc.current.identity.certificates.push_back(tsl::ListedCertificate{std::move(*blob), 0});
  svc.history = std::move(history);
  return svc;
}

inline tsl::TrustedList list(const std::string& territory, std::vector<tsl::TrustService> services,
                             std::uint64_t seq = 7) {
  tsl::TrustedList l;
  l.scheme.territory = territory;
  l.scheme.sequence_number = seq;
  tsl::TrustServiceProvider tsp;
  tsp.name.values.push_back({"en", "Test TSP " + territory});
  tsp.services = std::move(services);
  l.providers.push_back(std::move(tsp));
  return l;
}

}  // namespace eutl::test
