// Internal: the Official Journal rows of the evidence matrix. One row per LOTL anchor,
// naming the notice that announced that very certificate (the bundled notices,
// include/eutl/verify/oj_notices.h), so a record made with the OJ C/2026/1944 anchors
// says so instead of repeating the first notice the LOTL happens to list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "evidence/matrix.h"

namespace eutl::evidence::detail {

// Appends one kOfficialJournalAnchor row per LOTL anchor, from `anchors`, the facts of
// lists.lotl_anchors (record_anchors).
void add_oj_anchor_rows(const DecisionLists& lists, const RecordAnchors& anchors, std::vector<MatrixRow>& rows);

// The notice an OJ URI names: "OJ C 276/2019" for EUR-Lex ...uriserv:OJ.C_.2019.276.01...,
// "OJ C/2026/1944" for an ELI https://eur-lex.europa.eu/eli/C/2026/1944/oj (the
// reference form of the OJ C series since October 2023); empty for anything else.
std::string oj_reference_of(std::string_view uri);

// The `source` that records written before the rows named each anchor's own notice
// gave every OJ row: the first uriserv-form notice in the LOTL's SchemeInformationURI.
// Re-verification accepts it for those rows only (docs/evidence-schema.md).
std::string legacy_oj_anchor_source(const std::vector<verify::VerifiedList>& lists);

}  // namespace eutl::evidence::detail
