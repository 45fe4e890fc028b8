// One Codec<T> per model type; each lists the fields once, for both directions
// (`T` is const when writing). See model_cache_codec.h.
#include "cache/model_cache_codec.h"

#include <optional>
#include <string>
#include <type_traits>

namespace eutl::cache::detail {
namespace {

template <class T>
struct Codec;

template <class A, class T>
void io(A& a, T& x) {
  Codec<std::remove_const_t<T>>::io(a, x);
}

template <class A, class... T>
void fields(A& a, T&... x) {
  (io(a, x), ...);
}

// ---- primitives ----

template <>
struct Codec<std::string> {
  static void io(WireWriter& w, const std::string& s) { w.str(s); }
  static void io(WireReader& r, std::string& s) { s = r.str(); }
};

template <>
struct Codec<tsl::Bytes> {
  static void io(WireWriter& w, const tsl::Bytes& b) { w.bytes(b); }
  static void io(WireReader& r, tsl::Bytes& b) {
    tsl::ByteView v = r.bytes();
    b.assign(v.begin(), v.end());
  }
};

template <>
struct Codec<tsl::Sha256> {
  static void io(WireWriter& w, const tsl::Sha256& d) { w.raw(d.data(), d.size()); }
  static void io(WireReader& r, tsl::Sha256& d) { r.raw(d.data(), d.size()); }
};

template <>
struct Codec<bool> {
  static void io(WireWriter& w, bool b) { w.u8(b ? 1 : 0); }
  static void io(WireReader& r, bool& b) { b = r.u8() != 0; }
};

// Integers and enums: 64-bit on the wire.
template <class T>
  requires std::is_integral_v<T> || std::is_enum_v<T>
struct Codec<T> {
  static void io(WireWriter& w, T v) { w.i64(static_cast<std::int64_t>(v)); }
  static void io(WireReader& r, T& v) { v = static_cast<T>(r.i64()); }
};

template <>
struct Codec<tsl::TimePoint> {
  static void io(WireWriter& w, tsl::TimePoint t) { w.i64(t.time_since_epoch().count()); }
  static void io(WireReader& r, tsl::TimePoint& t) { t = tsl::TimePoint(std::chrono::seconds(r.i64())); }
};

template <class T>
struct Codec<std::optional<T>> {
  static void io(WireWriter& w, const std::optional<T>& o) {
    w.u8(o ? 1 : 0);
    if (o) {
      detail::io(w, *o);
    }
  }
  static void io(WireReader& r, std::optional<T>& o) {
    if (r.u8() != 0) {
      o.emplace();
      detail::io(r, *o);
    } else {
      o.reset();
    }
  }
};

template <class T>
struct Codec<std::vector<T>> {
  static void io(WireWriter& w, const std::vector<T>& v) {
    w.u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& x : v) {
      detail::io(w, x);
    }
  }
  static void io(WireReader& r, std::vector<T>& v) {
    v.clear();
    v.resize(r.count());
    for (auto& x : v) {
      detail::io(r, x);
    }
  }
};

// The certificate is stored as DER with its SHA-256 and field offsets, and restored
// without walking or hashing it again (that was a third of the load time): the file's
// checksum already vouches for them (model_cache.cpp).
template <>
struct Codec<tsl::CertificateBlob> {
  static void io(WireWriter& w, const tsl::CertificateBlob& c) {
    w.bytes(c.der());
    w.raw(c.sha256().data(), c.sha256().size());
    for (const tsl::DerSpan& s : c.spans()) {
      w.u32(s.offset);
      w.u32(s.length);
    }
  }
  static void io(WireReader& r, tsl::CertificateBlob& c) {
    tsl::ByteView der = r.bytes();
    tsl::Sha256 digest{};
    r.raw(digest.data(), digest.size());
    tsl::CertificateBlob::Spans spans{};
    for (tsl::DerSpan& s : spans) {
      s.offset = r.u32();
      s.length = r.u32();
    }
    auto blob = tsl::CertificateBlob::from_verified_parts(tsl::Bytes(der.begin(), der.end()), digest, spans);
    if (!r.ok() || !blob) {
      r.fail();
      return;
    }
    c = std::move(*blob);
  }
};

// ---- the model (include/eutl/tsl/model.h), fields in declaration order ----

#define EUTL_CODEC(Type, ...)                                 \
  template <>                                                 \
  struct Codec<Type> {                                        \
    template <class A, class T>                               \
    static void io(A& a, T& x) {                              \
      fields(a, __VA_ARGS__);                                 \
    }                                                         \
  }

EUTL_CODEC(tsl::Diagnostic, x.code, x.message, x.line);
EUTL_CODEC(tsl::LangString, x.lang, x.value);
EUTL_CODEC(tsl::MultiLangString, x.values);
EUTL_CODEC(tsl::ListedCertificate, x.blob, x.line);
EUTL_CODEC(tsl::DigitalIdentity, x.certificates, x.subject_names, x.skis, x.key_values, x.other);
EUTL_CODEC(tsl::KeyUsageBit, x.name, x.value);
EUTL_CODEC(tsl::CriteriaList, x.assert_kind, x.assert_present, x.key_usages, x.policy_sets, x.nested,
           x.extended_key_usages, x.subject_dn_attributes, x.qc_statement_sets, x.unknown_criteria, x.description);
EUTL_CODEC(tsl::QualificationElement, x.qualifier_uris, x.qualifiers, x.criteria);
EUTL_CODEC(tsl::AdditionalServiceInformation, x.uri, x.kind, x.information_value, x.critical);
EUTL_CODEC(tsl::TakenOverBy, x.uri, x.tsp_name, x.scheme_operator_name, x.scheme_territory, x.critical);
EUTL_CODEC(tsl::UnknownExtension, x.element, x.critical, x.line);
EUTL_CODEC(tsl::ServiceExtensions, x.qualifications, x.qualifications_critical, x.additional_information,
           x.taken_over_by, x.expired_certs_revocation_info, x.expired_certs_revocation_info_critical, x.unknown);
EUTL_CODEC(tsl::ServiceState, x.type_uri, x.type, x.name, x.identity, x.status_uri, x.status, x.status_start,
           x.extensions, x.line);
EUTL_CODEC(tsl::TrustService, x.current, x.scheme_service_definition_uris, x.supply_points,
           x.tsp_service_definition_uris, x.history);
EUTL_CODEC(tsl::PostalAddress, x.lang, x.street, x.locality, x.state_or_province, x.postal_code, x.country);
EUTL_CODEC(tsl::Address, x.postal, x.electronic);
EUTL_CODEC(tsl::TrustServiceProvider, x.name, x.trade_name, x.address, x.information_uris, x.services);
EUTL_CODEC(tsl::OtherTslPointer, x.location, x.identities, x.tsl_type_uri, x.tsl_type, x.territory, x.mime_type,
           x.scheme_operator_name);
EUTL_CODEC(tsl::PolicyOrLegalNotice, x.policies, x.legal_notices);
EUTL_CODEC(tsl::SchemeInformation, x.version, x.sequence_number, x.tsl_type_uri, x.tsl_type, x.operator_name,
           x.operator_address, x.scheme_name, x.information_uris, x.status_determination_approach,
           x.community_rules, x.territory, x.policy_or_legal_notice, x.historical_information_period, x.pointers,
           x.issue_date, x.next_update, x.distribution_points);

// ---- verification results (include/eutl/verify/list_set.h) ----

EUTL_CODEC(verify::Reason, x.code, x.message);
EUTL_CODEC(verify::SignatureInfo, x.signer_der, x.signer_sha256, x.signing_time, x.signature_method, x.matched);

#undef EUTL_CODEC

// A field added to one of these structs changes its size: add it to the codec above
// (TrustedList and VerifiedList: to head_io() below, or the body) (and bump kModelCacheVersion), then update the size here. Checked on the platform
// the project builds on (x86-64, libstdc++); elsewhere the check is skipped.
#if defined(__x86_64__) && defined(__GLIBCXX__) && !defined(_GLIBCXX_DEBUG)
static_assert(sizeof(tsl::Diagnostic) == 72, "tsl::Diagnostic changed: update its codec");
static_assert(sizeof(tsl::LangString) == 64, "tsl::LangString changed: update its codec");
static_assert(sizeof(tsl::MultiLangString) == 24, "tsl::MultiLangString changed: update its codec");
static_assert(sizeof(tsl::ListedCertificate) == 120, "tsl::ListedCertificate changed: update its codec");
static_assert(sizeof(tsl::DigitalIdentity) == 120, "tsl::DigitalIdentity changed: update its codec");
static_assert(sizeof(tsl::KeyUsageBit) == 40, "tsl::KeyUsageBit changed: update its codec");
static_assert(sizeof(tsl::CriteriaList) == 208, "tsl::CriteriaList changed: update its codec");
static_assert(sizeof(tsl::QualificationElement) == 256, "tsl::QualificationElement changed: update its codec");
static_assert(sizeof(tsl::AdditionalServiceInformation) == 80, "tsl::AdditionalServiceInformation changed: update its codec");
static_assert(sizeof(tsl::TakenOverBy) == 120, "tsl::TakenOverBy changed: update its codec");
static_assert(sizeof(tsl::UnknownExtension) == 48, "tsl::UnknownExtension changed: update its codec");
static_assert(sizeof(tsl::ServiceExtensions) == 232, "tsl::ServiceExtensions changed: update its codec");
static_assert(sizeof(tsl::ServiceState) == 480, "tsl::ServiceState changed: update its codec");
static_assert(sizeof(tsl::TrustService) == 576, "tsl::TrustService changed: update its codec");
static_assert(sizeof(tsl::PostalAddress) == 192, "tsl::PostalAddress changed: update its codec");
static_assert(sizeof(tsl::Address) == 48, "tsl::Address changed: update its codec");
static_assert(sizeof(tsl::TrustServiceProvider) == 144, "tsl::TrustServiceProvider changed: update its codec");
static_assert(sizeof(tsl::OtherTslPointer) == 184, "tsl::OtherTslPointer changed: update its codec");
static_assert(sizeof(tsl::PolicyOrLegalNotice) == 48, "tsl::PolicyOrLegalNotice changed: update its codec");
static_assert(sizeof(tsl::SchemeInformation) == 400, "tsl::SchemeInformation changed: update its codec");
static_assert(sizeof(tsl::TrustedList) == 520, "tsl::TrustedList changed: update its codec");
static_assert(sizeof(verify::Reason) == 64, "verify::Reason changed: update its codec");
static_assert(sizeof(verify::SignatureInfo) == 144, "verify::SignatureInfo changed: update its codec");
static_assert(sizeof(verify::VerifiedList) == 800, "verify::VerifiedList changed: update its codec");
static_assert(sizeof(tsl::CertificateBlob) == 112, "tsl::CertificateBlob changed: update its codec");
#endif

// A list's head: every field of the VerifiedList and of its TrustedList
// (tsl::TrustedList, verify::VerifiedList) but TrustedList::providers, its body.
template <class A, class V>
void head_io(A& a, V& x) {
  fields(a, x.source, x.digest, x.kind, x.status, x.reasons, x.warnings, x.signature);
  auto& list = x.list;
  if constexpr (std::is_same_v<A, WireWriter>) {
    a.u8(list ? 1 : 0);
  } else if (a.u8() != 0) {
    list.emplace();
  } else {
    list.reset();
  }
  if (list) {
    fields(a, list->tsl_tag, list->id, list->scheme, list->has_signature, list->warnings);
  }
}

}  // namespace

void encode_head(WireWriter& w, const verify::VerifiedList& list) { head_io(w, list); }

void encode_body(WireWriter& w, const verify::VerifiedList& list) {
  if (list.list) {
    io(w, list.list->providers);
  }
}

bool decode_head(tsl::ByteView bytes, verify::VerifiedList& list) {
  WireReader r(bytes);
  head_io(r, list);
  return r.ok() && r.at_end();
}

bool decode_body(tsl::ByteView bytes, verify::VerifiedList& list) {
  if (!list.list) {
    return bytes.empty();
  }
  WireReader r(bytes);
  io(r, list.list->providers);
  return r.ok() && r.at_end();
}

}  // namespace eutl::cache::detail
