// Internal: pieces of the HTML report (evidence_html*.cpp).
#pragma once

#include <string>
#include <string_view>

#include "evidence/json.h"

namespace eutl::evidence::detail {

// Escapes & < > " ' for text and attribute values.
std::string html_escape(std::string_view s);
// A JSON value as display text ("—" for null), escaped.
std::string html_value(const json& v);
// How far the page can be relied on; a visible banner when it was not verified.
std::string provenance_banner(RecordProvenance provenance, const std::string& duplicate);
// The service history timeline (one block per service).
std::string html_timeline(const json& record);

}  // namespace eutl::evidence::detail
