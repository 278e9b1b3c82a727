#include "report/results_github.h"

#include <vector>

#include "report/check_kind.h"
#include "report/diagnostics_human.h"
#include "report/results_human.h"

namespace hie::report {
namespace {

struct Annotation {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string title;
  std::string message;
};

std::string command(const Annotation& a) {
  std::string out = "::error file=" + github_escape_property(a.file);
  if (a.line > 0) out += ",line=" + std::to_string(a.line);
  if (a.column > 0) out += ",col=" + std::to_string(a.column);
  out += ",title=" + github_escape_property(a.title);
  return out + "::" + github_escape_data(a.message) + "\n";
}

std::vector<Annotation> annotations(std::span<const eval::CheckRecord> records, const GithubOptions& options) {
  std::vector<Annotation> out;
  for (const auto& record : records) {
    if (record.status != eval::CheckStatus::Fail && record.status != eval::CheckStatus::Error) continue;
    std::string title = "hie " + check_kind(record) + ": " + record.element;
    std::string message = record.element + " :: " + record.check;
    if (record.status == eval::CheckStatus::Error) message += " could not be evaluated";
    if (record.code) message += " [" + *record.code + "]";
    if (record.message) message += "\n" + *record.message;
    if (record.evidence.empty() || record.status == eval::CheckStatus::Error) {
      out.push_back({record.file, record.line, record.column, title, message});
      continue;
    }
    for (const auto& evidence : record.evidence) {
      std::string detail = evidence.message.empty() ? message : evidence.message + "\n" + message;
      out.push_back({options.paths.evidence_from_cwd(evidence.file), evidence.line, 0, title,
                     detail + "\n(rule at " + record.file + ":" + std::to_string(record.line) + ")"});
    }
  }
  return out;
}

std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string github_escape_data(std::string_view text) { return printable_text(escape(text, false)); }
std::string github_escape_property(std::string_view text) { return printable_text(escape(text, true)); }

std::string render_results_github(std::span<const eval::CheckRecord> records, const eval::RunSummary& summary,
                                  const GithubOptions& options) {
  std::vector<Annotation> all = annotations(records, options);
  std::string out;
  for (std::size_t i = 0; i < all.size() && i < kGithubAnnotationLimit; ++i) out += command(all[i]);
  if (all.size() > kGithubAnnotationLimit) {
    out += "::notice title=hie::" +
           github_escape_data(std::to_string(all.size() - kGithubAnnotationLimit) + " more failures are not " +
                              "annotated (GitHub shows at most " + std::to_string(kGithubAnnotationLimit) +
                              " per step); the log below and the step summary list them all") +
           "\n";
  }
  ResultsHumanOptions human{false, options.fixed_duration};
  return out + render_results_human(records, summary, human);
}

}  // namespace hie::report
