// "Did you mean …?" for a mistyped command name: the known name nearest to what was
// typed, by edit distance (insertions, deletions, substitutions and swaps of two
// neighbouring letters, Damerau–Levenshtein), when it is near enough to be a typo.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eutl::cli {

// Optimal string alignment distance between a and b (ASCII, case-sensitive).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The nearest of `known` to `typed` when at most 2 edits away (1 for names of up to
// 4 letters), or one of them starts with what was typed; ties go to the first given.
std::optional<std::string> suggest_command(std::string_view typed, const std::vector<std::string>& known);

}  // namespace eutl::cli
