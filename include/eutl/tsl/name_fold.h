// Folding names for search: `eutl list --name` and `eutl report tsp` finds "Société Générale" from
// "societe generale" and "ΕΡΜΗΣ" from "ερμης". Both the names and the text typed are
// folded the same way, then compared as bytes.
//
// The fold: ASCII and Latin letters lose case and diacritics (é -> e, Ł -> l, ø -> o)
// and ligatures and sharp s are spelled out (ß -> ss, æ -> ae, œ -> oe, þ -> th), by a
// table of Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional
// (made from Unicode's compatibility decompositions, with the letters that have none
// mapped by hand); Greek and Cyrillic capitals become small letters and Greek loses
// its tonos and dialytika; combining marks (U+0300..U+036F, decomposed input) are
// dropped. Everything else, and bytes that are not UTF-8, stay as they are. No locale
// or library is involved, so the result is the same on every machine.
#pragma once

#include <string>
#include <string_view>

namespace eutl::tsl {

// The folded form of UTF-8 text (see above).
std::string fold_for_search(std::string_view utf8);

// `needle` occurs in `haystack` once both are folded; an empty needle matches.
bool contains_folded(std::string_view haystack, std::string_view needle);

}  // namespace eutl::tsl
