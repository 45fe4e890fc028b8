// Internal: pieces of the HTML report (evidence_html, evidence/html*.cpp). Each piece
// reads the record as JSON (a record read may be damaged: missing members show as
// "—") and escapes every value it prints.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "evidence/detail/html_escape.h"
#include "evidence/json.h"

namespace eutl::evidence::detail {

// A JSON value as display text ("—" for null), escaped.
std::string html_value(const json& v);
// How far the page can be relied on; a visible banner when it was not verified.
std::string provenance_banner(RecordProvenance provenance, const std::string& duplicate);
// The inline stylesheet, print rules included.
std::string_view html_style();
// <tr> with a key cell and a value cell (value already HTML).
std::string html_row(std::string_view key, const std::string& value_html);
// The last path segment of a file path or URL, escaped, with the whole in a title.
std::string html_short_path(const json& path);
// A SHA-256 shortened to 16 digits, the whole in a title.
std::string html_short_digest(const json& hex);
// A record time, parsed; unset when absent or not a time.
std::optional<tsl::TimePoint> record_time(const json& j);
// The index into services[] of the service the decision rests on (overall, else at T,
// else at issuance); unset when none.
std::optional<std::size_t> decisive_service(const json& rec);
// The index into lists[] of the list holding that service; unset when none.
std::optional<std::size_t> decisive_list(const json& rec);

// The sections, each with its <h2> and a stable id.
std::string html_chain_of_trust(const json& rec);  // id="chain-of-trust"
std::string html_matrix(const json& rec);          // id="evidence-matrix"
std::string html_certificate(const json& rec);     // id="certificate"
std::string html_results(const json& rec);         // id="results"
std::string html_crosswalk(const json& rec);       // id="crosswalk"
std::string html_trace(const json& rec);           // id="trace"
std::string html_lists(const json& rec);           // id="lists"
std::string html_timeline(const json& rec);        // the service history (one block per service)
std::string html_digests(const json& rec);         // id="digests"

}  // namespace eutl::evidence::detail
