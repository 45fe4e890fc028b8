// ServiceInformationExtensions (TS 119 612 V2.4.1 §5.5.9): Qualifications,
// AdditionalServiceInformation, TakenOverBy, ExpiredCertsRevocationInfo, and any
// other extension recorded with its Critical flag (Annex B: an unknown critical
// extension makes the entry unusable; that decision belongs to verify/).
#include "tsl/detail/read_context.h"

namespace eutl::tsl::detail {
namespace {

constexpr int kMaxCriteriaDepth = 16;  // real lists nest one level; this only stops abuse

// xades:ObjectIdentifierType: Identifier text, possibly "urn:oid:1.2.3" (seen in ES).
std::string read_oid(XmlNode object_identifier) {
  std::string oid = object_identifier.child(ns::kXades, "Identifier").text();
  if (oid.starts_with("urn:oid:")) oid.erase(0, 8);
  return oid;
}

CriteriaList read_criteria(ReadContext& ctx, XmlNode list, int depth) {
  CriteriaList out;
  std::string_view assert_attr = list.attr("assert");
  out.assert_present = !assert_attr.empty();
  if (assert_attr == "all" || assert_attr.empty()) {
    out.assert_kind = CriteriaAssert::kAll;
  } else if (assert_attr == "atLeastOne") {
    out.assert_kind = CriteriaAssert::kAtLeastOne;
  } else if (assert_attr == "none") {
    out.assert_kind = CriteriaAssert::kNone;
  } else {
    // An assert we do not know cannot be evaluated; record it so it never matches.
    out.unknown_criteria.push_back("assert=" + std::string(assert_attr));
    ctx.warn("criteria-assert", "unknown CriteriaList assert '" + std::string(assert_attr) + "'", list.line());
  }
  if (!out.assert_present) {
    ctx.warn("criteria-assert-missing", "CriteriaList without assert; treated as 'all'", list.line());
  }
  for (XmlNode c = list.first_element(); c; c = c.next_element()) {
    auto local = c.local_name();
    if (c.ns() == ns::kEcc && local == "KeyUsage") {
      std::vector<KeyUsageBit> bits;
      for (XmlNode bit : children(c, ns::kEcc, "KeyUsageBit")) {
        std::string value = bit.text();
        bits.push_back(KeyUsageBit{std::string(bit.attr("name")), value == "true" || value == "1"});
      }
      out.key_usages.push_back(std::move(bits));
    } else if (c.ns() == ns::kEcc && local == "PolicySet") {
      std::vector<std::string> oids;
      for (XmlNode p : children(c, ns::kEcc, "PolicyIdentifier")) oids.push_back(read_oid(p));
      out.policy_sets.push_back(std::move(oids));
    } else if (c.ns() == ns::kEcc && local == "CriteriaList") {
      if (depth >= kMaxCriteriaDepth) {
        out.unknown_criteria.push_back("CriteriaList nested too deep");
        ctx.warn("criteria-depth", "CriteriaList nested deeper than 16 levels", c.line());
        continue;
      }
      out.nested.push_back(read_criteria(ctx, c, depth + 1));
    } else if (c.ns() == ns::kEcc && local == "Description") {
      out.description = c.text();
    } else if (c.ns() == ns::kEcc && local == "otherCriteriaList") {
      for (XmlNode o = c.first_element(); o; o = o.next_element()) {
        if (o.is(ns::kTslx, "ExtendedKeyUsage")) {
          std::vector<std::string> ekus;
          for (XmlNode k : children(o, ns::kTslx, "KeyPurposeId")) ekus.push_back(read_oid(k));
          out.extended_key_usages.push_back(std::move(ekus));
        } else if (o.is(ns::kTslx, "CertSubjectDNAttribute")) {
          std::vector<std::string> attrs;
          for (XmlNode k : children(o, ns::kTslx, "AttributeOID")) attrs.push_back(read_oid(k));
          out.subject_dn_attributes.push_back(std::move(attrs));
        } else if (o.local_name() == "QcStatementSet") {
          // MRA extension: QcStatementSet/QcStatement/QcStatementId (ObjectIdentifierType).
          std::vector<std::string> ids;
          for (XmlNode s = o.first_element(); s; s = s.next_element()) {
            for (XmlNode id = s.first_element(); id; id = id.next_element()) {
              if (id.local_name() == "QcStatementId") ids.push_back(read_oid(id));
            }
          }
          out.qc_statement_sets.push_back(std::move(ids));
        } else {
          out.unknown_criteria.push_back("{" + std::string(o.ns()) + "}" + std::string(o.local_name()));
          ctx.warn("criteria-unknown", "unknown otherCriteriaList element " + std::string(o.local_name()) +
                                           "; it never matches", o.line());
        }
      }
    } else {
      out.unknown_criteria.push_back("{" + std::string(c.ns()) + "}" + std::string(local));
      ctx.warn("criteria-unknown", "unknown CriteriaList element " + std::string(local) + "; it never matches",
               c.line());
    }
  }
  return out;
}

void read_qualifications(ReadContext& ctx, XmlNode q, ServiceExtensions& out) {
  for (XmlNode el : children(q, ns::kEcc, "QualificationElement")) {
    QualificationElement qe;
    for (XmlNode qual : children(el.child(ns::kEcc, "Qualifiers"), ns::kEcc, "Qualifier")) {
      std::string uri(trim(qual.attr("uri")));
      Qualifier kind = classify_qualifier(uri);
      if (kind == Qualifier::kUnknown) {
        ctx.warn("qualifier-unknown", "unknown qualifier " + uri, qual.line());
      }
      qe.qualifiers.push_back(kind);
      qe.qualifier_uris.push_back(std::move(uri));
    }
    XmlNode criteria = el.child(ns::kEcc, "CriteriaList");
    if (criteria) {
      qe.criteria = read_criteria(ctx, criteria, 0);
    } else {
      qe.criteria.unknown_criteria.push_back("CriteriaList missing");
      ctx.warn("criteria-missing", "QualificationElement without CriteriaList; it never matches", el.line());
    }
    out.qualifications.push_back(std::move(qe));
  }
}

}  // namespace

ServiceExtensions read_service_extensions(ReadContext& ctx, XmlNode extensions) {
  ServiceExtensions out;
  for (XmlNode ext : children(extensions, ns::kTsl, "Extension")) {
    std::string_view crit = ext.attr("Critical");
    bool critical = crit == "true" || crit == "1";
    if (crit.empty()) {
      ctx.warn("extension-critical-missing", "Extension without the required Critical attribute", ext.line());
    }
    XmlNode body = ext.first_element();
    if (!body) {
      ctx.warn("extension-empty", "empty Extension", ext.line());
      continue;
    }
    if (body.is(ns::kEcc, "Qualifications")) {
      out.qualifications_critical = out.qualifications_critical || critical;
      read_qualifications(ctx, body, out);
    } else if (body.is(ns::kTsl, "AdditionalServiceInformation")) {
      AdditionalServiceInformation asi;
      asi.uri = body.child(ns::kTsl, "URI").text();
      asi.kind = classify_additional_info(asi.uri);
      asi.information_value = body.child(ns::kTsl, "InformationValue").text();
      asi.critical = critical;
      out.additional_information.push_back(std::move(asi));
    } else if (body.is(ns::kTslx, "TakenOverBy")) {
      TakenOverBy t;
      t.uri = body.child(ns::kTslx, "URI").text();
      t.tsp_name = read_multilang(ctx, body.child(ns::kTslx, "TSPName"), "Name");
      t.scheme_operator_name = read_multilang(ctx, body.child(ns::kTsl, "SchemeOperatorName"), "Name");
      t.scheme_territory = body.child(ns::kTsl, "SchemeTerritory").text();
      t.critical = critical;
      out.taken_over_by = std::move(t);
    } else if (body.is(ns::kTsl, "ExpiredCertsRevocationInfo")) {
      out.expired_certs_revocation_info = read_time(ctx, body, "ExpiredCertsRevocationInfo");
      out.expired_certs_revocation_info_critical = critical;
    } else {
      out.unknown.push_back(UnknownExtension{
          "{" + std::string(body.ns()) + "}" + std::string(body.local_name()), critical, ext.line()});
      if (critical) {
        ctx.warn("extension-unknown-critical",
                 "unknown critical extension " + std::string(body.local_name()) + ": the service entry is unusable",
                 ext.line());
      }
    }
  }
  return out;
}

}  // namespace eutl::tsl::detail
