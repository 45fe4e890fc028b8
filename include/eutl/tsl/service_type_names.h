// Readable names of the TS 119 612 service type identifiers (V2.4.1 §5.5.1), for
// display only: decisions compare tsl::ServiceType (eutl/tsl/uris.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eutl::tsl {

// "qualified time stamping" for .../Svctype/TSA/QTST; empty for an identifier the
// standard does not define.
std::string_view service_type_name(std::string_view uri);
// "qualified time stamping (TSA/QTST)"; for an identifier without a name its short
// form, or the URI as given when it is not under .../Svctype/.
std::string service_type_label(std::string_view uri);
// Every short form named above ("CA/QC", "TSA/QTST", …), in the standard's order.
std::vector<std::string_view> known_service_types();

}  // namespace eutl::tsl
