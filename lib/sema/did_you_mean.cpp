#include "sema/did_you_mean.h"

#include <algorithm>

namespace hie::sema {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: insertions, deletions, substitutions and adjacent transpositions cost 1 each.
  // Three rows: the current one, the previous one, and the one before it (for transpositions).
  std::size_t m = b.size();
  std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

std::optional<std::string> did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  std::size_t limit = name.size() <= 4 ? 1 : std::max<std::size_t>(2, name.size() / 4);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    if (candidate == name || candidate.empty()) continue;
    // The distance is at least the difference in length: skip hopeless candidates cheaply.
    std::size_t gap = candidate.size() > name.size() ? candidate.size() - name.size() : name.size() - candidate.size();
    if (gap >= best_distance) continue;
    std::size_t d = edit_distance(name, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

std::optional<std::string> did_you_mean_help(std::string_view name, const std::vector<std::string>& candidates) {
  if (auto best = did_you_mean(name, candidates)) return "did you mean '" + *best + "'?";
  return std::nullopt;
}

}  // namespace hie::sema
