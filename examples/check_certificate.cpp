// Example: decide whether a certificate is an EU qualified certificate with the
// installed eutl library (find_package(eutl)). Built and run by tests/examples/check_certificate_test.cpp.
//
//   check_certificate CERT.pem CLAIM AT --lists FILE|DIR... --lotl-signers OJ.pem
//   check_certificate CERT.pem CLAIM AT --lists TL.xml --tl-signers SIGNER.pem
//   check_certificate CERT.pem CLAIM AT --store DIR [--snapshot ID]
//
// Prints one line "<claim>: <verdict> - <explanation>" and exits as `eutl check` does:
// 0 confirmed, 1 refuted, 3 indeterminate, 2 or 4 when it cannot decide.
#include <eutl/eutl.h>

#include <iostream>
#include <string>
#include <vector>

namespace {

// The command line as an eutl::ListSource; the signer PEM files are read here.
eutl::Result<eutl::ListSource> list_source(int argc, char** argv) {
  eutl::ListSource source;
  std::string option;
  for (int i = 4; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.starts_with("--")) {
      option = arg;
    } else if (option == "--lists") {
      source.files.emplace_back(arg);
    } else if (option == "--lotl-signers" || option == "--tl-signers") {
      auto certs = eutl::verify::load_pem_certificates(arg);
      if (!certs) {
        return std::move(certs).error();
      }
      (option == "--lotl-signers" ? source.lotl_anchors : source.tl_signers) = std::move(*certs);
    } else if (option == "--store") {
      source.store = arg;
    } else if (option == "--snapshot") {
      source.snapshot = arg;
    }
  }
  return source;
}

int fail(const eutl::Error& e) {
  std::cerr << e.message << '\n';
  return eutl::exit_code(e);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) {
    std::cerr << "usage: check_certificate CERT CLAIM AT (--lists FILE... (--lotl-signers | --tl-signers) PEM"
                 " | --store DIR [--snapshot ID])\n";
    return 2;
  }
  eutl::LibraryGuard guard;  // process-wide libxml2/xmlsec/OpenSSL set-up
  auto at = eutl::tsl::parse_datetime(argv[3]);
  auto claim = eutl::verify::parse_claim(argv[2]);
  auto source = list_source(argc, argv);
  if (!at || !claim || !source) {
    return fail(!at ? at.error() : !claim ? claim.error() : source.error());
  }

  // The check itself: load and verify the lists, read the certificate, decide.
  auto lists = eutl::TrustedLists::load(*source, at->time);
  auto certs = eutl::read_certificates(argv[1]);  // leaf first, then CA certificates
  if (!lists || !certs) {
    return fail(!lists ? lists.error() : certs.error());
  }
  std::vector<eutl::verify::CertificateProfile> chain(certs->begin() + 1, certs->end());
  auto result = lists->check(certs->front(), chain, at->time, *claim);
  if (!result) {
    return fail(result.error());
  }

  const auto& c = *result->claim;
  std::cout << c.claim.text << ": " << eutl::verify::to_string(c.verdict) << " - " << c.explanation << '\n'
            << "overall: " << eutl::verify::to_string(result->overall.status) << " (" << result->overall.reason
            << "), " << lists->valid_count() << " valid lists\n";
  return eutl::exit_code(eutl::answer_of(*result));
}
