// Real data (issue 5): every certificate under realdata/certs/ gets a decision against
// the 2023 set (LOTL 332, pivots 282/300, tl/2023, OJ C 276/2019 anchors) at its
// issuance time without error. The expected territory of the issuing service is read
// from MANIFEST.md (an independent harvest), never from our own output.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>

#include "eutl/verify/list_set.h"
#include "eutl/verify/qualification.h"
#include "tests/test_paths.h"

namespace eutl::verify {
namespace {

namespace fs = std::filesystem;

struct RealSet final {
  ListSetResult verified;
  tsl::ServiceIndex index;
};

const RealSet& real_set() {
  static const RealSet set = [] {
    fs::path rd = test::realdata();
    std::vector<fs::path> files{rd / "lotl/eu-lotl-seq332-2023-09-27.xml", rd / "lotl/pivots/eu-lotl-pivot-282.xml",
                                rd / "lotl/pivots/eu-lotl-pivot-300.xml"};
    for (const auto& e : fs::directory_iterator(rd / "tl/2023")) {
      if (e.path().extension() == ".xml") {
        files.push_back(e.path());
      }
    }
    std::vector<ListSetInput> inputs;
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      inputs.push_back({f.string(), tsl::Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())});
    }
    ListSetRequest req;
    auto anchors = load_pem_certificates(rd / "oj/oj-C276-2019-lotl-signers.pem");
    if (anchors) {
      req.lotl_anchors = *anchors;
    }
    // The newest list of the set (HU) was issued 2023-10-27; FR expired 2023-08-23 and
    // so is never used (expired lists are left out of the index).
    req.at = tsl::TimePoint{std::chrono::sys_days{std::chrono::year{2023} / 10 / 28}};
    RealSet s{verify_list_set(std::move(inputs), req), {}};
    s.index = tsl::ServiceIndex::build(valid_index_inputs(s.verified.lists));
    return s;
  }();
  return set;
}

// MANIFEST.md rows: | `certs/<dir>/<file>` | subject | issuer | validity | qc / policies | TERR / TSP / … |
std::map<std::string, std::string> manifest_territories() {
  std::ifstream in(test::realdata() / "MANIFEST.md");
  std::map<std::string, std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| `certs/", 0) != 0) {
      continue;
    }
    std::vector<std::string> cols;
    std::size_t pos = 1;
    while (pos < line.size()) {
      std::size_t next = line.find(" | ", pos);
      cols.push_back(line.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
      if (next == std::string::npos) {
        break;
      }
      pos = next + 3;
    }
    if (cols.size() < 6) {
      continue;
    }
    std::string path = cols[0].substr(cols[0].find('`') + 1);
    path = path.substr(0, path.find('`'));
    std::string svc = cols[5];
    while (!svc.empty() && svc.front() == ' ') {
      svc.erase(0, 1);
    }
    out[path] = svc.rfind("none", 0) == 0 ? "" : svc.substr(0, svc.find(" / "));
  }
  return out;
}

TEST(QualificationRealData, EveryCertificateGetsADecisionAtIssuance) {
  EUTL_REQUIRE_REALDATA();
  const RealSet& set = real_set();
  ASSERT_GT(set.index.services().size(), 1000u) << "the 2023 lists were not verified as valid";
  auto territories = manifest_territories();
  QualificationEngine engine(set.index);
  std::size_t decided = 0;
  for (const char* dir : {"qualified", "non-qualified", "untrusted", "ca"}) {
    for (const auto& e : fs::directory_iterator(test::realdata() / "certs" / dir)) {
      auto ders = read_certificate_file(e.path());
      ASSERT_TRUE(ders.has_value()) << e.path();
      auto cert = read_certificate_profile(ders->front());
      ASSERT_TRUE(cert.has_value()) << e.path() << ": " << cert.error().message;
      QualificationRequest req;
      req.certificate = &*cert;
      req.at = cert->not_before;
      auto r = engine.decide(req);
      ASSERT_TRUE(r.has_value()) << e.path();
      ++decided;
      std::string rel = std::string("certs/") + dir + "/" + e.path().filename().string();
      if (std::string(dir) == "untrusted") {
        EXPECT_EQ(r->at_issuance.status, QualStatus::kIndeterminate) << rel;
        EXPECT_TRUE(r->anchor_services.empty()) << rel;
        continue;
      }
      auto it = territories.find(rel);
      if (std::string(dir) == "ca" || it == territories.end() || it->second.empty()) {
        continue;
      }
      bool list_valid = false;
      for (const auto& v : set.verified.lists) {
        list_valid = list_valid || (v.list && v.list->scheme.territory == it->second && v.status == ListStatus::kValid);
      }
      if (!list_valid) {
        EXPECT_EQ(r->at_issuance.status, QualStatus::kIndeterminate) << rel << ": its list is not acceptable";
        continue;
      }
      // The issuer is a listed service of that territory: its key must verify the certificate.
      bool territory_found = false;
      for (auto sid : r->anchor_services) {
        territory_found = territory_found || set.index.service(sid).provenance.territory == it->second;
      }
      EXPECT_TRUE(territory_found) << rel << " expected an anchor in " << it->second;
      bool names_service = false;
      for (const auto& t : r->trace.entries()) {
        names_service = names_service || (t.rule_id == "ISSUER-KEY" && t.outcome == Outcome::kPass &&
                                          t.detail.find(it->second + " TL#") != std::string::npos);
      }
      EXPECT_TRUE(names_service) << rel << ": the trace names the service and list";
    }
  }
  EXPECT_GE(decided, 90u);
}

TEST(QualificationRealData, QualifiedPtCitizenCertificateIsQes) {
  EUTL_REQUIRE_REALDATA();
  // MANIFEST.md: PT / AMA / Chave Móvel Digital 00003 / QC / granted since 2020-03-18, qualifiers
  // QCForESig, QCQSCDManagedOnBehalf, QCStatement; certificate QcCompliance, QcSSCD, QCP-n-qscd.
  auto ders = read_certificate_file(test::realdata() / "certs/qualified/PT-Pedro-Miguel-Marques-Pereira-2f93176c.pem");
  ASSERT_TRUE(ders.has_value());
  auto cert = read_certificate_profile(ders->front());
  ASSERT_TRUE(cert.has_value());
  QualificationEngine engine(real_set().index);
  QualificationRequest req;
  req.certificate = &*cert;
  req.at = tsl::TimePoint{std::chrono::sys_days{std::chrono::year{2023} / 10 / 1}};
  auto r = engine.decide(req);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->overall.status, QualStatus::kQualified);
  EXPECT_EQ(r->overall.type, CertType::kESig);
  EXPECT_EQ(r->overall.qscd, Tri::kTrue);
  ASSERT_TRUE(r->at_issuance.service.has_value());
  EXPECT_EQ(r->at_issuance.service->provenance.territory, "PT");
  EXPECT_EQ(r->at_issuance.service->provenance.service_name, "Chave Móvel Digital 00003");
}

}  // namespace
}  // namespace eutl::verify
