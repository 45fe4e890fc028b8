// Reading a certificate into a CertificateProfile with OpenSSL (names, extensions)
// and our own DER walk for the qcStatements extension (certificate_profile_qc.cpp).
#include "eutl/verify/certificate_profile.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <array>
#include <iterator>

#include "eutl/tsl/read_file.h"
#include "verify/certificate_native.h"

namespace eutl::verify {
namespace {

using BioPtr = eutl::detail::CHandle<BIO, BIO_free>;
using BasicConstraintsPtr = eutl::detail::CHandle<BASIC_CONSTRAINTS, BASIC_CONSTRAINTS_free>;
using EkuPtr = eutl::detail::CHandle<EXTENDED_KEY_USAGE, EXTENDED_KEY_USAGE_free>;
using PoliciesPtr = eutl::detail::CHandle<CERTIFICATEPOLICIES, CERTIFICATEPOLICIES_free>;
using GeneralNamesPtr = eutl::detail::CHandle<GENERAL_NAMES, GENERAL_NAMES_free>;
using BitStringPtr = eutl::detail::CHandle<ASN1_BIT_STRING, ASN1_BIT_STRING_free>;
using OctetStringPtr = eutl::detail::CHandle<ASN1_OCTET_STRING, ASN1_OCTET_STRING_free>;
using AkidPtr = eutl::detail::CHandle<AUTHORITY_KEYID, AUTHORITY_KEYID_free>;
using BignumPtr = eutl::detail::CHandle<BIGNUM, BN_free>;

struct NameBit final {
  std::string_view name;
  KeyUsageBit bit;
};
constexpr std::array kKeyUsageNames{
    NameBit{"digitalSignature", KeyUsageBit::kDigitalSignature},
    NameBit{"nonRepudiation", KeyUsageBit::kNonRepudiation},
    NameBit{"contentCommitment", KeyUsageBit::kNonRepudiation},
    NameBit{"keyEncipherment", KeyUsageBit::kKeyEncipherment},
    NameBit{"dataEncipherment", KeyUsageBit::kDataEncipherment},
    NameBit{"keyAgreement", KeyUsageBit::kKeyAgreement},
    NameBit{"keyCertSign", KeyUsageBit::kKeyCertSign},
    NameBit{"crlSign", KeyUsageBit::kCrlSign},
    NameBit{"cRLSign", KeyUsageBit::kCrlSign},
    NameBit{"encipherOnly", KeyUsageBit::kEncipherOnly},
    NameBit{"decipherOnly", KeyUsageBit::kDecipherOnly},
};

std::string oid_text(const ASN1_OBJECT* obj) {
  std::array<char, 128> buf{};
  int n = OBJ_obj2txt(buf.data(), static_cast<int>(buf.size()), obj, 1);
  if (n <= 0) {
    return "?";
  }
  return std::string(buf.data(), std::min<std::size_t>(static_cast<std::size_t>(n), buf.size() - 1));
}


template <typename F>
tsl::Bytes i2d_bytes(F&& encode) {
  unsigned char* out = nullptr;
  int len = encode(&out);
  if (len <= 0 || out == nullptr) {
    return {};
  }
  tsl::Bytes b(out, out + len);
  OPENSSL_free(out);
  return b;
}


void read_key_usage(X509* x, CertificateProfile& p) {
  int crit = 0;
  BitStringPtr ku(static_cast<ASN1_BIT_STRING*>(X509_get_ext_d2i(x, NID_key_usage, &crit, nullptr)));
  if (!ku) {
    if (crit == -2) {
      p.anomalies.push_back("key-usage-twice: two keyUsage extensions");
    }
    return;
  }
  p.key_usage_present = true;
  for (int i = 0; i < 9; ++i) {
    if (ASN1_BIT_STRING_get_bit(ku.get(), i) != 0) {
      p.key_usage = static_cast<std::uint16_t>(p.key_usage | (1u << i));
    }
  }
}

void read_eku_and_policies(X509* x, CertificateProfile& p) {
  EkuPtr eku(static_cast<EXTENDED_KEY_USAGE*>(X509_get_ext_d2i(x, NID_ext_key_usage, nullptr, nullptr)));
  if (eku) {
    for (int i = 0; i < sk_ASN1_OBJECT_num(eku.get()); ++i) {
      p.extended_key_usages.push_back(oid_text(sk_ASN1_OBJECT_value(eku.get(), i)));
    }
  }
  PoliciesPtr pol(static_cast<CERTIFICATEPOLICIES*>(X509_get_ext_d2i(x, NID_certificate_policies, nullptr, nullptr)));
  if (pol) {
    for (int i = 0; i < sk_POLICYINFO_num(pol.get()); ++i) {
      p.policies.push_back(oid_text(sk_POLICYINFO_value(pol.get(), i)->policyid));
    }
  }
}

void read_names(X509* x, CertificateProfile& p) {
  const X509_NAME* subject = X509_get_subject_name(x);
  p.subject = detail::name_rfc2253(subject);
  p.issuer = detail::name_rfc2253(X509_get_issuer_name(x));
  p.subject_der = i2d_bytes([&](unsigned char** o) { return i2d_X509_NAME(subject, o); });
  p.issuer_der = i2d_bytes([&](unsigned char** o) { return i2d_X509_NAME(X509_get_issuer_name(x), o); });
  p.spki_der = i2d_bytes([&](unsigned char** o) { return i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x), o); });
  for (int i = 0; i < X509_NAME_entry_count(subject); ++i) {
    std::string attr = oid_text(X509_NAME_ENTRY_get_object(X509_NAME_get_entry(subject, i)));
    if (std::find(p.subject_dn_attributes.begin(), p.subject_dn_attributes.end(), attr) ==
        p.subject_dn_attributes.end()) {
      p.subject_dn_attributes.push_back(attr);
    }
  }
  p.self_issued = X509_NAME_cmp(subject, X509_get_issuer_name(x)) == 0;
  GeneralNamesPtr sans(static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(x, NID_subject_alt_name, nullptr, nullptr)));
  if (sans) {
    for (int i = 0; i < sk_GENERAL_NAME_num(sans.get()); ++i) {
      const GENERAL_NAME* gn = sk_GENERAL_NAME_value(sans.get(), i);
      int type = 0;
      const auto* str = static_cast<const ASN1_STRING*>(GENERAL_NAME_get0_value(gn, &type));
      auto text = [&] {
        return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(str)),
                           static_cast<std::size_t>(ASN1_STRING_length(str)));
      };
      if (type == GEN_DNS) {
        p.subject_alt_names.push_back("DNS:" + text());
      } else if (type == GEN_EMAIL) {
        p.subject_alt_names.push_back("email:" + text());
      } else if (type == GEN_URI) {
        p.subject_alt_names.push_back("URI:" + text());
      } else if (type == GEN_IPADD) {
        p.subject_alt_names.push_back("IP:" + tsl::to_hex(tsl::ByteView(ASN1_STRING_get0_data(str),
                                                                          ASN1_STRING_length(str))));
      } else {
        p.subject_alt_names.push_back("other:" + std::to_string(type));
      }
    }
  }
}

void read_key_ids(X509* x, CertificateProfile& p) {
  if (const ASN1_OCTET_STRING* ski = X509_get0_subject_key_id(x)) {
    p.ski.assign(ASN1_STRING_get0_data(ski), ASN1_STRING_get0_data(ski) + ASN1_STRING_length(ski));
  }
  if (const ASN1_OCTET_STRING* aki = X509_get0_authority_key_id(x)) {
    p.aki.assign(ASN1_STRING_get0_data(aki), ASN1_STRING_get0_data(aki) + ASN1_STRING_length(aki));
  }
  BasicConstraintsPtr bc(static_cast<BASIC_CONSTRAINTS*>(X509_get_ext_d2i(x, NID_basic_constraints, nullptr, nullptr)));
  p.is_ca = bc && bc->ca != 0;
}

// Every extension: qcStatements by our own walk, critical extensions we do not know.
Result<void> read_extensions(X509* x, CertificateProfile& p) {
  for (int i = 0; i < X509_get_ext_count(x); ++i) {
    X509_EXTENSION* ext = X509_get_ext(x, i);
    std::string id = oid_text(X509_EXTENSION_get_object(ext));
    bool critical = X509_EXTENSION_get_critical(ext) != 0;
    if (id == oid::kQcStatementsExt) {
      if (p.qc.extension_present) {
        p.anomalies.push_back("qc-extension-twice: two qcStatements extensions");
      }
      p.qc.extension_present = true;
      p.qc.extension_critical = critical;
      const ASN1_OCTET_STRING* value = X509_EXTENSION_get_data(ext);
      std::string error;
      if (!detail::parse_qc_statements(tsl::ByteView(ASN1_STRING_get0_data(value), ASN1_STRING_length(value)), p.qc,
                                       p.anomalies, error)) {
        return Error(Errc::kMalformed, error);
      }
      continue;
    }
    if (critical && X509_supported_extension(ext) == 0) {
      p.unknown_critical_extensions.push_back(id);
      p.anomalies.push_back("unknown-critical-extension: " + id);
    }
  }
  return {};
}

}  // namespace

std::string_view to_string(QcType t) {
  switch (t) {
    case QcType::kESign: return "esign";
    case QcType::kESeal: return "eseal";
    case QcType::kWeb: return "web";
    case QcType::kUnknownOid: return "unknown";
  }
  return "unknown";
}

std::optional<KeyUsageBit> key_usage_bit_from_name(std::string_view name) {
  for (const auto& nb : kKeyUsageNames) {
    if (nb.name == name) {
      return nb.bit;
    }
  }
  return std::nullopt;
}

bool CertificateProfile::has_policy(std::string_view o) const noexcept {
  return std::find(policies.begin(), policies.end(), o) != policies.end();
}
bool CertificateProfile::has_eku(std::string_view o) const noexcept {
  return std::find(extended_key_usages.begin(), extended_key_usages.end(), o) != extended_key_usages.end();
}
bool CertificateProfile::has_qc_type(QcType t) const noexcept {
  return std::find(qc.types.begin(), qc.types.end(), t) != qc.types.end();
}

namespace detail {

X509Ptr decode_x509(tsl::ByteView der) {
  const unsigned char* p = der.data();
  X509Ptr x(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  if (x && p != der.data() + der.size()) {
    return nullptr;  // trailing bytes
  }
  return x;
}

bool signature_verifies(X509* subject, EVP_PKEY* issuer_key) {
  bool ok = subject != nullptr && issuer_key != nullptr && X509_verify(subject, issuer_key) == 1;
  ERR_clear_error();
  return ok;
}

}  // namespace detail

Result<CertificateProfile> read_certificate_profile(tsl::ByteView der) {
  detail::X509Ptr x = detail::decode_x509(der);
  if (!x) {
    ERR_clear_error();
    return Error(Errc::kMalformed, "not a DER X.509 certificate (or trailing bytes after it)");
  }
  return detail::profile_of(std::move(x), der);
}

Result<CertificateProfile> detail::profile_of(X509Ptr x, tsl::ByteView der) {
  CertificateProfile p;
  p.der.assign(der.begin(), der.end());
  p.sha256 = tsl::sha256(der);
  p.version = static_cast<int>(X509_get_version(x.get())) + 1;
  BignumPtr serial(ASN1_INTEGER_to_BN(X509_get0_serialNumber(x.get()), nullptr));
  if (serial) {
    char* hex = BN_bn2hex(serial.get());
    p.serial_hex = hex != nullptr ? hex : "";
    OPENSSL_free(hex);
    // RFC 5280 §4.1.2.2: the serial is a positive integer. Read anyway, but say so.
    if (BN_is_negative(serial.get()) != 0 || BN_is_zero(serial.get()) != 0) {
      p.anomalies.push_back("serial-not-positive: serial number " + p.serial_hex);
    }
  }
  auto nb = detail::to_time_point(X509_get0_notBefore(x.get()));
  auto na = detail::to_time_point(X509_get0_notAfter(x.get()));
  if (!nb || !na) {
    return Error(Errc::kMalformed, "certificate validity times cannot be read");
  }
  p.not_before = *nb;
  p.not_after = *na;
  read_names(x.get(), p);
  read_key_ids(x.get(), p);
  read_key_usage(x.get(), p);
  read_eku_and_policies(x.get(), p);
  if (auto ext = read_extensions(x.get(), p); !ext) {
    return std::move(ext).error();
  }
  if (p.qc.types.size() > 1) {
    p.anomalies.push_back("qc-type-several: " + std::to_string(p.qc.types.size()) + " QcType values");
  }
  ERR_clear_error();
  auto native = std::make_shared<detail::NativeCertificate>();
  native->x509 = std::move(x);
  p.native = std::move(native);
  return p;
}

}  // namespace eutl::verify
