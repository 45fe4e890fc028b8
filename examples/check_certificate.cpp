// Example: decide whether a certificate is an EU qualified certificate with the
// installed eutl library (find_package(eutl)). Built and run by tests/cli/example_test.cpp.
//
//   check_certificate CERT.pem CLAIM AT --lists FILE|DIR... --lotl-signers OJ.pem
//   check_certificate CERT.pem CLAIM AT --store DIR
//
// Prints one line "<claim>: <verdict> - <explanation>" and exits 0 confirmed,
// 1 refuted, 3 indeterminate, 2 on errors.
#include <eutl/eutl.h>

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 6) {
    std::cerr << "usage: check_certificate CERT CLAIM AT (--lists FILE... --lotl-signers PEM | --store DIR)\n";
    return 2;
  }
  eutl::LibraryGuard guard;  // process-wide libxml2/xmlsec/OpenSSL set-up

  auto at = eutl::tsl::parse_datetime(argv[3]);
  auto claim = eutl::verify::parse_claim(argv[2]);
  if (!at || !claim) {
    std::cerr << "bad time or claim\n";
    return 2;
  }
  eutl::ListSource source;
  std::string mode;
  for (int i = 4; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--lists" || arg == "--lotl-signers" || arg == "--store") {
      mode = arg;
    } else if (mode == "--lists") {
      source.files.emplace_back(arg);
    } else if (mode == "--lotl-signers") {
      source.lotl_signers = arg;
    } else if (mode == "--store") {
      source.store = arg;
    }
  }

  auto lists = eutl::TrustedLists::load(source, at->time);
  if (!lists) {
    std::cerr << "lists: " << lists.error().message << '\n';
    return 2;
  }
  auto certs = eutl::read_certificates(argv[1]);
  if (!certs) {
    std::cerr << certs.error().message << '\n';
    return 2;
  }
  std::vector<eutl::verify::CertificateProfile> chain(certs->begin() + 1, certs->end());
  auto result = lists->check(certs->front(), chain, at->time, *claim);
  if (!result) {
    std::cerr << result.error().message << '\n';
    return 2;
  }
  const auto& c = *result->claim;
  std::cout << c.claim.text << ": " << eutl::verify::to_string(c.verdict) << " - " << c.explanation << '\n'
            << "overall: " << eutl::verify::to_string(result->overall.status) << " (" << result->overall.reason
            << "), " << lists->valid_count() << " valid lists\n";
  return c.verdict == eutl::verify::Verdict::kConfirmed ? 0 : c.verdict == eutl::verify::Verdict::kRefuted ? 1 : 3;
}
