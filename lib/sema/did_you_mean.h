// "Did you mean ...?": the closest known name to a misspelled one, by edit distance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hie::sema {

// Edit distance: insert, delete, substitute and swap two adjacent characters each cost 1.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `name` when it is close enough to be a plausible typo (distance at most 1 for short
// names, at most a quarter of the length (and 2) otherwise); ties go to the candidate listed first. nullopt otherwise.
std::optional<std::string> did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

// "did you mean 'x'?" or nullopt.
std::optional<std::string> did_you_mean_help(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace hie::sema
