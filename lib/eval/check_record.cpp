#include "eval/check_record.h"

namespace hie::eval {

const char* status_name(CheckStatus status) {
  switch (status) {
    case CheckStatus::Pass: return "pass";
    case CheckStatus::Fail: return "fail";
    case CheckStatus::Error: return "error";
    case CheckStatus::Baselined: return "baselined";
  }
  return "error";
}

}  // namespace hie::eval
