// EN 319 412-5 V2.4.1 §4 QC statements, read by a strict DER walk.
//
// The outer SEQUENCE OF QCStatement and each statement's SEQUENCE { OID, ANY } must be
// strict DER with nothing trailing. Inside a statement we are lenient where the
// meaning stays clear and record an anomaly instead of failing.
#include "verify/certificate_native.h"
#include "verify/certificate_profile_der.h"

namespace eutl::verify::detail {
namespace {

QcType qc_type_of(std::string_view oid) {
  if (oid == oid::kQcTypeESign) {
    return QcType::kESign;
  }
  if (oid == oid::kQcTypeESeal) {
    return QcType::kESeal;
  }
  if (oid == oid::kQcTypeWeb) {
    return QcType::kWeb;
  }
  return QcType::kUnknownOid;
}

// EN 319 412-5 §4.2.3: QcType ::= SEQUENCE OF OBJECT IDENTIFIER.
void read_qc_type(const std::optional<DerTlv>& info, QcStatements& qc, std::vector<std::string>& anomalies) {
  if (!info || info->tag != tag::kSequence) {
    anomalies.push_back("qc-type-malformed: QcType without a SEQUENCE OF OID");
    return;
  }
  DerCursor c(info->content);
  std::size_t count = 0;
  while (c.more()) {
    auto t = c.expect(tag::kOid, "OID in QcType");
    auto oid_text = t ? decode_oid(t->content) : std::nullopt;
    if (!oid_text) {
      anomalies.push_back("qc-type-malformed: " + c.error());
      return;
    }
    QcType type = qc_type_of(*oid_text);
    if (type == QcType::kUnknownOid) {
      anomalies.push_back("qc-type-unknown: QcType " + *oid_text);
    }
    qc.types.push_back(type);
    qc.type_oids.push_back(*oid_text);
    ++count;
  }
  if (count == 0) {
    anomalies.push_back("qc-type-empty: QcType lists no type");
  }
}

// EN 319 412-5 §4.3.4: QcCClegislation ::= SEQUENCE OF CountryName (PrintableString SIZE 2).
void read_cc_legislation(const std::optional<DerTlv>& info, QcStatements& qc, std::vector<std::string>& anomalies) {
  qc.cc_legislation = true;
  if (!info || info->tag != tag::kSequence) {
    anomalies.push_back("qc-cclegislation-malformed: no SEQUENCE OF CountryName");
    return;
  }
  DerCursor c(info->content);
  while (c.more()) {
    auto t = c.next();
    if (!t || t->tag != tag::kPrintableString) {
      anomalies.push_back("qc-cclegislation-malformed: country is not a PrintableString");
      return;
    }
    qc.cc_legislation_countries.push_back(as_string(t->content));
  }
}

// EN 319 412-5 §4.3.4: PdsLocations ::= SEQUENCE OF SEQUENCE { url IA5String, language PrintableString }.
void read_pds(const std::optional<DerTlv>& info, QcStatements& qc, std::vector<std::string>& anomalies) {
  if (!info || info->tag != tag::kSequence) {
    anomalies.push_back("qc-pds-malformed: no SEQUENCE OF PdsLocation");
    return;
  }
  DerCursor c(info->content);
  while (c.more()) {
    auto loc = c.expect(tag::kSequence, "PdsLocation");
    if (!loc) {
      anomalies.push_back("qc-pds-malformed: " + c.error());
      return;
    }
    DerCursor l(loc->content);
    auto url = l.next();
    auto lang = l.next();
    if (!url || !lang || l.more()) {
      anomalies.push_back("qc-pds-malformed: PdsLocation is not {url, language}");
      return;
    }
    if (url->tag != tag::kIa5String) {
      anomalies.push_back("qc-pds-url-type: PDS URL is not an IA5String");
    }
    qc.pds.push_back(QcPds{as_string(url->content), as_string(lang->content)});
  }
}

// EN 319 412-5 §4.3.2: MonetaryValue ::= SEQUENCE { currency, amount INTEGER, exponent INTEGER }.
void read_limit_value(const std::optional<DerTlv>& info, QcStatements& qc, std::vector<std::string>& anomalies) {
  if (!info || info->tag != tag::kSequence) {
    anomalies.push_back("qc-limit-malformed: no MonetaryValue SEQUENCE");
    return;
  }
  DerCursor c(info->content);
  auto currency = c.next();
  auto amount = c.expect(tag::kInteger, "amount");
  auto exponent = amount ? c.expect(tag::kInteger, "exponent") : std::nullopt;
  if (!currency || !amount || !exponent || c.more()) {
    anomalies.push_back("qc-limit-malformed: MonetaryValue is not {currency, amount, exponent}");
    return;
  }
  QcLimitValue v;
  if (currency->tag == tag::kInteger) {
    v.currency = std::to_string(decode_integer(currency->content).value_or(0));
  } else {
    v.currency = as_string(currency->content);
  }
  v.amount = decode_integer(amount->content).value_or(0);
  v.exponent = decode_integer(exponent->content).value_or(0);
  qc.limit_value = v;
}

// RFC 3739 §3.2.6: SemanticsInformation ::= SEQUENCE { semanticsIdentifier OID OPTIONAL, … }.
void read_semantics(const std::optional<DerTlv>& info, QcStatements& qc, std::vector<std::string>& anomalies) {
  if (!info) {
    return;
  }
  if (info->tag != tag::kSequence) {
    anomalies.push_back("qc-semantics-malformed: SemanticsInformation is not a SEQUENCE");
    return;
  }
  DerCursor c(info->content);
  if (c.peek_tag() == tag::kOid) {
    auto t = c.next();
    if (!t) {
      // The tag reads as an OID but its length runs past the SEQUENCE (found by
      // fuzz_qc_statements: the value was read from a disengaged optional).
      anomalies.push_back("qc-semantics-malformed: semanticsIdentifier: " + c.error());
      return;
    }
    if (auto text = decode_oid(t->content)) {
      qc.semantics_ids.push_back(*text);
    }
  }
}

// ETSI TS 119 495 §5.1: PSD2QcType ::= SEQUENCE { rolesOfPSP SEQUENCE OF RoleOfPSP, nCAName, nCAId }.
void read_psd2(const std::optional<DerTlv>& info, QcStatements& qc, std::vector<std::string>& anomalies) {
  Psd2Statement psd2;
  if (!info || info->tag != tag::kSequence) {
    anomalies.push_back("qc-psd2-malformed: PSD2QcType is not a SEQUENCE");
    qc.psd2 = psd2;
    return;
  }
  DerCursor c(info->content);
  auto roles = c.expect(tag::kSequence, "rolesOfPSP");
  auto name = roles ? c.next() : std::nullopt;
  auto id = name ? c.next() : std::nullopt;
  if (!roles || !name || !id || c.more()) {
    anomalies.push_back("qc-psd2-malformed: PSD2QcType is not {roles, nCAName, nCAId}");
  }
  if (roles) {
    DerCursor r(roles->content);
    while (r.more()) {
      auto role = r.expect(tag::kSequence, "RoleOfPSP");
      if (!role) {
        break;
      }
      DerCursor rc(role->content);
      auto role_oid = rc.expect(tag::kOid, "roleOfPspOid");
      auto role_name = role_oid ? rc.next() : std::nullopt;
      if (role_oid) {
        psd2.role_oids.push_back(decode_oid(role_oid->content).value_or("?"));
      }
      if (role_name) {
        psd2.role_names.push_back(as_string(role_name->content));
      }
    }
  }
  if (name) {
    psd2.nca_name = as_string(name->content);
  }
  if (id) {
    psd2.nca_id = as_string(id->content);
  }
  qc.psd2 = psd2;
}

void record_statement(const std::string& id, const std::optional<DerTlv>& info, QcStatements& qc,
                      std::vector<std::string>& anomalies) {
  auto no_value_expected = [&](bool& flag, const char* name) {
    if (flag) {
      anomalies.push_back(std::string("qc-duplicate: ") + name + " appears twice");
    }
    flag = true;
    if (info) {
      anomalies.push_back(std::string("qc-unexpected-value: ") + name + " carries a value" +
                          (info->tag == tag::kNull ? " (NULL)" : ""));
    }
  };
  if (id == oid::kQcCompliance) {
    no_value_expected(qc.compliance, "QcCompliance");
  } else if (id == oid::kQcSscd) {
    no_value_expected(qc.sscd, "QcSSCD");
  } else if (id == oid::kQcType) {
    if (!qc.types.empty()) {
      anomalies.push_back("qc-type-twice: more than one QcType statement");
    }
    read_qc_type(info, qc, anomalies);
  } else if (id == oid::kQcCcLegislation) {
    read_cc_legislation(info, qc, anomalies);
  } else if (id == oid::kQcPds) {
    read_pds(info, qc, anomalies);
  } else if (id == oid::kQcRetentionPeriod) {
    auto years = (info && info->tag == tag::kInteger) ? decode_integer(info->content) : std::nullopt;
    if (!years) {
      anomalies.push_back("qc-retention-malformed: QcRetentionPeriod is not an INTEGER");
    } else {
      qc.retention_period_years = *years;
    }
  } else if (id == oid::kQcLimitValue) {
    read_limit_value(info, qc, anomalies);
  } else if (id == oid::kPkixQcSyntaxV2 || id == oid::kPkixQcSyntaxV1) {
    read_semantics(info, qc, anomalies);
  } else if (id == oid::kPsd2) {
    read_psd2(info, qc, anomalies);
  } else if (qc_type_of(id) != QcType::kUnknownOid) {
    // Seen in real certificates: the qct-* OID used as a statement id of its own.
    anomalies.push_back("qc-type-as-statement: " + id + " used as a statement id, read as QcType");
    qc.types.push_back(qc_type_of(id));
    qc.type_oids.push_back(id);
  } else {
    qc.unknown.push_back(id);
    anomalies.push_back("qc-unknown-statement: " + id);
  }
}

}  // namespace

bool parse_qc_statements(tsl::ByteView value, QcStatements& qc, std::vector<std::string>& anomalies,
                         std::string& error) {
  DerCursor top(value);
  auto seq = top.expect(tag::kSequence, "QCStatements SEQUENCE");
  if (!seq) {
    error = "qcStatements: " + top.error();
    return false;
  }
  if (top.more()) {
    error = "qcStatements: trailing bytes after the SEQUENCE";
    return false;
  }
  DerCursor list(seq->content);
  while (list.more()) {
    auto st = list.expect(tag::kSequence, "QCStatement SEQUENCE");
    if (!st) {
      error = "qcStatements: " + list.error();
      return false;
    }
    DerCursor s(st->content);
    auto id = s.expect(tag::kOid, "statementId");
    auto id_text = id ? decode_oid(id->content) : std::nullopt;
    if (!id_text) {
      error = "qcStatements: bad statementId " + s.error();
      return false;
    }
    std::optional<DerTlv> info;
    if (s.more()) {
      info = s.next();
      if (!info) {
        error = "qcStatements: statementInfo of " + *id_text + ": " + s.error();
        return false;
      }
    }
    if (s.more()) {
      error = "qcStatements: trailing bytes in statement " + *id_text;
      return false;
    }
    qc.statement_oids.push_back(*id_text);
    record_statement(*id_text, info, qc, anomalies);
  }
  if (qc.statement_oids.empty()) {
    anomalies.push_back("qc-empty: qcStatements extension lists no statement");
  }
  return true;
}

}  // namespace eutl::verify::detail
