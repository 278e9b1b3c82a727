// Static cycle detection between scopes and refs (E058): resolution is static, so every cycle is known here.
#include <algorithm>

#include "sema/analyzer.h"

namespace hie::sema::detail {

void Analyzer::detect_cycles() {
  std::size_t n = model_.slots.size();
  std::vector<std::vector<int>> deps(n);
  for (std::size_t s = 0; s < n; ++s) {
    const Slot& slot = model_.slots[s];
    if (slot.source == Slot::Source::Alias && slot.alias >= 0) deps[s].push_back(slot.alias);
    if (slot.source == Slot::Source::Value) deps[s] = model_.expr_slots(slot.expr);
  }

  enum class Color { White, Grey, Black };
  std::vector<Color> color(n, Color::White);
  std::vector<int> stack;
  std::set<std::vector<int>> reported;

  // Iterative depth-first search: (slot, next dependency index).
  for (std::size_t start = 0; start < n; ++start) {
    if (color[start] != Color::White) continue;
    std::vector<std::pair<int, std::size_t>> frames{{static_cast<int>(start), 0}};
    color[start] = Color::Grey;
    stack.push_back(static_cast<int>(start));
    while (!frames.empty()) {
      auto& [s, next] = frames.back();
      if (next < deps[static_cast<std::size_t>(s)].size()) {
        int d = deps[static_cast<std::size_t>(s)][next++];
        if (color[static_cast<std::size_t>(d)] == Color::White) {
          color[static_cast<std::size_t>(d)] = Color::Grey;
          stack.push_back(d);
          frames.emplace_back(d, 0);
        } else if (color[static_cast<std::size_t>(d)] == Color::Grey) {
          auto from = std::find(stack.begin(), stack.end(), d);
          std::vector<int> cycle(from, stack.end());
          for (int c : cycle) {
            auto& mark = model_.slots[static_cast<std::size_t>(c)].cycle;
            if (mark.empty()) mark = cycle;
          }
          std::vector<int> key = cycle;
          std::sort(key.begin(), key.end());
          if (reported.insert(key).second) {
            std::string text;
            for (int c : cycle) text += model_.slot(c).display + " -> ";
            text += model_.slot(cycle.front()).display;
            const Slot& first = model_.slot(cycle.front());
            int file = first.instance >= 0 ? model_.instance(first.instance).file : model_.member(first.member).file;
            syntax::Span span = first.instance >= 0 ? model_.instance(first.instance).span
                                                    : model_.member(first.member).name_span;
            error("E058", "cycle between scopes and refs: " + text, file, span,
                  std::string("a scope or ref cannot depend on itself, directly or through others"));
          }
        }
      } else {
        color[static_cast<std::size_t>(s)] = Color::Black;
        stack.pop_back();
        frames.pop_back();
      }
    }
  }
}

}  // namespace hie::sema::detail
