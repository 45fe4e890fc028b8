// eutl check-site HOST[:PORT] [--sni NAME] [--at T] [--for qwac] [--json] [--evidence F]
//
// Connects to a TLS server, takes the chain it presents and runs the TS 119 615
// decision with the QWAC claim (TS 119 411-5: 1-QWAC, or 2-QWAC when the certificate
// is a TLS-binding one), against the store's current snapshot or --lists. The
// handshake does not authenticate the server: the chain is judged by the lists, and
// the server's certificate must be issued for the host (--sni, else HOST) by its
// subjectAltName (RFC 6125 §6.4); otherwise any claim is refuted.
// The host-name rule and the JSON are the library's (include/eutl/check_site.h), shared
// with POST /v1/check-site of `eutl serve`.
#include <iostream>
#include <memory>

#include "cli/check_evidence.h"
#include "cli/check_output.h"
#include "cli/commands.h"
#include "cli/common_options.h"
#include "cli/list_source.h"
#include "cli/store_common.h"
#include "eutl/evidence_from_lists.h"
#include "eutl/tsl/write_file.h"
#include "eutl/service_query.h"
#include "eutl/net/tls_chain.h"
#include "eutl/check_site.h"
#include "eutl/verify/hostname_match.h"

namespace eutl::cli {
namespace {

using eutl::apply_hostname;
using eutl::SiteName;

struct CheckSiteOptions {
  ListSourceOptions source;
  std::string target;
  std::string sni;
  std::string claim = "qwac";
  std::string evidence;
  double timeout = 10;
};

void print_text(const net::TlsChain& tls, const std::vector<verify::CertificateProfile>& certs,
                const SiteName& name, const verify::QualificationResult& r, const eutl::TrustedLists& lists,
                bool verbose) {
  std::cout << "Site " << tls.peer_address << " (SNI " << (tls.sni.empty() ? "none" : tls.sni) << "), "
            << tls.protocol << ' ' << tls.cipher << ", " << certs.size() << " certificate(s) sent\n";
  for (std::size_t i = 0; i < certs.size(); ++i) {
    std::cout << "  [" << i << "] " << certs[i].subject << "\n      issuer " << certs[i].issuer << '\n';
  }
  if (name.check.match == verify::HostnameMatch::kMatch) {
    std::cout << "Host name " << name.name << ": matches " << name.check.matched_by << '\n';
  } else {
    std::cout << "Host name " << name.name << ": certificate not issued for " << name.name << " ("
              << name.check.reason << ")\n";
  }
  std::cout << '\n';
  if (r.claim) {
    print_claim(r);
    std::cout << '\n';
  }
  std::cout << headline(r.overall) << "\n\nResults\n";
  print_at("at issuance", r.at_issuance);
  print_at("at time T  ", r.at_time);
  if (verbose) {
    std::cout << "\nTrace\n";
    print_trace(r.trace);
  }
  std::cout << "\nLists: " << lists.valid_count() << " of " << lists.lists().size() << " valid at "
            << tsl::format_time(lists.lists_at()) << " and used\n";
}

int write_evidence(const CheckSiteOptions& o, const std::vector<verify::CertificateProfile>& certs,
                   tsl::TimePoint at, const eutl::TrustedLists& lists, const verify::QualificationResult& r) {
  auto record = eutl::evidence_record(lists, certs.front(), std::span(certs).subspan(1), at, claim_of_use(o.claim), r,
                                      {EUTL_VERSION, store::now()});
  if (!record) {
    print_error("--evidence: " + record.error().message);
    return kExitUsage;
  }
  if (auto written = tsl::write_file(o.evidence, *record); !written) {
    print_error("--evidence: " + written.error().message);
    return exit_code_for(written.error());
  }
  return 0;
}

int run_check_site(const CheckSiteOptions& o) {
  auto target = net::parse_tls_target(o.target);
  if (!target) {
    print_error(target.error().message);
    return kExitUsage;
  }
  target->sni = o.sni;
  auto at = time_at(o.source);
  if (!at) {
    print_error(at.error().message);
    return kExitUsage;
  }
  auto claim = parse_for_option(o.claim);
  if (!claim) {
    print_error(claim.error().message);
    return kExitUsage;
  }
  Result<eutl::TrustedLists> lists = load_lists(o.source);
  if (!lists) {
    return exit_code_for(lists.error());
  }
  net::TlsChainOptions topts;
  topts.connect_timeout = std::chrono::milliseconds(static_cast<long>(o.timeout * 1000));
  topts.handshake_timeout = topts.connect_timeout;
  auto tls = net::fetch_tls_chain(*target, topts);
  if (!tls) {
    print_error(tls.error().message);
    return exit_code_for(tls.error());
  }
  auto certs = eutl::read_certificates(tls->certificates);
  if (!certs) {
    print_error("the server's chain: " + certs.error().message);
    return kExitUsage;
  }
  std::vector<verify::CertificateProfile> chain(certs->begin() + 1, certs->end());
  auto result = lists->check(certs->front(), chain, *at, *claim);
  if (!result) {
    print_error(result.error().message);
    return kExitUsage;
  }
  SiteName name{o.sni.empty() ? target->host : o.sni, {}};
  name.check = verify::match_hostname(certs->front(), name.name);
  // The evidence record covers the certificate's qualification (it names no site and
  // `eutl evidence verify` re-runs exactly that decision), so it is written before the
  // name check changes the claim, and only when the certificate is the site's.
  if (!o.evidence.empty()) {
    if (name.check.match == verify::HostnameMatch::kMatch) {
      if (int rc = write_evidence(o, *certs, *at, *lists, *result); rc != 0) {
        return rc;
      }
    } else {
      print_error("--evidence: no record written: the certificate is not issued for " + name.name +
                  " (an evidence record covers a certificate, not a site's name)");
    }
  }
  apply_hostname(name, *result);
  if (o.source.json) {
    std::cout << eutl::check_site_json(*tls, *certs, name, *result, *lists) << '\n';
  } else if (!o.source.quiet) {
    for (const auto& w : result->warnings) {
      print_error("warning: " + w);
    }
    print_text(*tls, *certs, name, *result, *lists, o.source.verbose);
  }
  return eutl::exit_code(eutl::answer_of(*result));
}

}  // namespace

void register_check_site(CLI::App& app, Runner& run) {
  auto o = std::make_shared<CheckSiteOptions>();
  CLI::App* cmd = app.add_subcommand("check-site", "Is this website's certificate a QWAC? Fetch its TLS chain and "
                                                   "decide against the trusted lists");
  cmd->add_option("HOST", o->target,
                  "HOST, HOST:PORT, [IPv6]:PORT (default port 443) or an https:// URL")
      ->required();
  cmd->add_option("--sni", o->sni,
                  "Server name to send and to find in the certificate's subjectAltName (default: HOST)");
  add_use_option(cmd, o->claim, std::string(kForHelp) + "; as eutl check")->capture_default_str();
  add_hidden_alias(cmd, "--claim", "--for", o->claim);
  cmd->add_option("--evidence", o->evidence, "Write the evidence record (JSON) of the decision to this file");
  cmd->add_option("--timeout", o->timeout, "Connect and handshake timeouts, seconds")->capture_default_str();
  add_list_source_options(cmd, o->source, "Time T of the decision");
  cmd->footer("The handshake does not authenticate the server; the chain it sends is judged by the lists.\n"
              "The server's certificate must name the host (--sni, else HOST) in its subjectAltName\n"
              "(RFC 6125 section 6.4: dNSName, wildcard only as the whole left-most label; iPAddress\n"
              "for an IP address); otherwise the claim is refuted: certificate not issued for NAME.\n"
              "Examples:\n"
              "  eutl check-site www.example.eu\n"
              "  eutl check-site https://www.example.eu/some/page\n"
              "  eutl check-site 192.0.2.10:8443 --sni www.example.eu --json\n"
              "  eutl check-site 127.0.0.1:4433 --lists lists/ --lotl-signers oj.pem --at 2025-03-01 --evidence e.json\n"
              "Exit: 0 claim confirmed, 1 refuted, 3 indeterminate, 2 usage, input or connection error.");
  cmd->callback([o, &run] { run = [o] { return run_check_site(*o); }; });
}

}  // namespace eutl::cli
