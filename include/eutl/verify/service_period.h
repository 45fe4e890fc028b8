// Questions about one service period that both the qualification rules and the
// service queries (`eutl export`, `eutl list`) ask. Each is implemented once, in the
// rule file that cites its clause:
//   period_at          verify/rules/at_date.cpp         (TS 119 615 §4.4 step 2)
//   entry_usable       verify/rules/entry_usable.cpp    (TS 119 612 V2.4.1 Annex B)
//   status_granted     verify/rules/granted_status.cpp  (TS 119 615 §4.4 steps 7-8)
//   is_granted_ca_qc   verify/rules/granted_status.cpp
//   listed_for_use     verify/rules/type_filter.cpp     (TS 119 612 V2.4.1 §5.5.9.4)
//   period_covers_use  verify/rules/type_filter.cpp
#pragma once

#include "eutl/tsl/service_index.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/qualification.h"

namespace eutl::verify {

// The period of `service` in force at `t`, or nullptr. Periods are kept newest first;
// at a change instant two periods cover `t` and the newer one wins.
const tsl::ServicePeriod* period_at(const tsl::IndexedService& service, tsl::TimePoint t);

// False when the state carries an unknown critical extension: the entry must not be used.
bool entry_usable(const tsl::ServiceState& state);

// The status of the period is a qualifying one for its era: granted from the eIDAS
// date on; undersupervision / supervisionincessation / accredited before it.
bool status_granted(const tsl::ServicePeriod& period);

// A usable CA/QC period whose status qualifies (status_granted).
bool is_granted_ca_qc(const tsl::ServicePeriod& period);

// The AdditionalServiceInformation lists the service for `use` (ForeSignatures /
// ForeSeals / ForWebSiteAuthentication); kUnknown is never listed.
bool listed_for_use(const tsl::ServiceExtensions& extensions, CertType use);

// The use a period is listed for: its ASI (listed_for_use); a pre-eIDAS period
// (Directive 1999/93/EC) covers electronic signatures only.
bool period_covers_use(const tsl::ServicePeriod& period, CertType use);

}  // namespace eutl::verify
