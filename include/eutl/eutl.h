// eutl: is this certificate an EU qualified certificate? The embeddable C++ API.
//
// Include this one header and link the `eutl::eutl` CMake target:
//
//   find_package(eutl REQUIRED)
//   target_link_libraries(app PRIVATE eutl::eutl)
//
// The pieces, bottom up (each header documents its own contract):
//   eutl/library.h               LibraryGuard: create exactly one in main()
//   eutl/result.h                Result<T>: errors ("could not run") vs values (verdicts)
//   eutl/tsl/time.h              TimePoint, parse_datetime (ISO 8601 date-time or date)
//   eutl/verify/list_set.h       verify a LOTL + pivots + national lists (XAdES, anchoring),
//                                load_pem_certificates, ListTrust (who vouched for a list)
//   eutl/verify/qualification.h  the TS 119 615 decision, claims (qes, qseal, qwac, …)
//   eutl/cache/store.h           the local store that `eutl fetch` / `eutl import` fill
//   eutl/trusted_lists.h         TrustedLists: load (files, one national list with its
//                                signer, a store, a chosen snapshot) + verify + index +
//                                decide, in one object; select_snapshot; read_certificates
//   eutl/outcome.h               answer_of / exit_code: yes, no, indeterminate, as exit 0/1/3
//   eutl/check_batch.h           check_batch: many certificates against lists loaded once;
//                                bundles (each certificate, or --fullchain); worst_exit_code
//   eutl/service_query.h         service IDs, "granted CA/QC for a use at T"
//   eutl/net/fetcher.h           HTTPS fetching (FetchOptions; connect_to is `eutl fetch
//                                --connect-to`: mirrors and local test servers)
//   eutl/net/tls_chain.h         the chain a TLS server presents (check-site)
//   eutl/evidence/evidence.h     the evidence record of a decision
//
// A complete program (examples/check_certificate.cpp):
//
//   eutl::LibraryGuard guard;
//   auto at = eutl::tsl::parse_datetime("2025-03-01");
//   auto oj = eutl::verify::load_pem_certificates("oj.pem");     // Official Journal anchors
//   eutl::ListSource src{.files = {"lists/"}, .lotl_anchors = *oj};  // or {.store = dir}
//   auto lists = eutl::TrustedLists::load(src, at->time);
//   auto certs = eutl::read_certificates("cert.pem");            // leaf first
//   auto claim = eutl::verify::parse_claim("qwac");
//   auto result = lists->check(certs->front(), {}, at->time, *claim);
//   return eutl::exit_code(eutl::answer_of(*result));           // 0 yes, 1 no, 3 indeterminate
//   // result->claim->verdict: kConfirmed / kRefuted / kIndeterminate, with the reasons
//   // in result->claim->explanation and result->trace.
//
// Nothing here reads the clock, the network (except fetch_tls_chain and the store's
// fetcher, when called) or global configuration; no exception crosses the API.
#pragma once

#include "eutl/cache/store.h"
#include "eutl/check_batch.h"
#include "eutl/evidence/evidence.h"
#include "eutl/library.h"
#include "eutl/net/fetcher.h"
#include "eutl/net/tls_chain.h"
#include "eutl/outcome.h"
#include "eutl/result.h"
#include "eutl/service_query.h"
#include "eutl/trusted_lists.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/qualification.h"

namespace eutl {

// The version of the library, as "MAJOR.MINOR.PATCH".
inline constexpr const char* kVersion = "0.1.0";

}  // namespace eutl
