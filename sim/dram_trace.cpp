// SPDX-License-Identifier: MIT
#include "sim/dram_trace.h"

#include <array>
#include <charconv>

#include "common/user_error.h"

namespace blsim {
namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

bool all_of(std::string_view s, std::string_view chars) {
  return s.find_first_not_of(chars) == std::string_view::npos;
}

}  // namespace

std::vector<DramRequest> parse_dram_trace(const std::string& path, std::string_view text,
                                          uint64_t request_bytes) {
  std::vector<DramRequest> out;
  out.reserve(text.size() / 20);  // "0x12345678 READ 123\n" and longer
  int64_t line_no = 0;
  int64_t last_cycle = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    auto fail = [&](const std::string& why) {
      throw UserError(path + ":" + std::to_string(line_no) + ": " + why +
                      " (expected ADDRESS READ|WRITE CYCLE, e.g. 0x1f40 READ 12)");
    };
    std::array<std::string_view, 4> field;
    size_t fields = 0;
    for (size_t i = 0; i < line.size();) {
      while (i < line.size() && blank(line[i])) ++i;
      if (i == line.size()) break;
      size_t j = i;
      while (j < line.size() && !blank(line[j])) ++j;
      if (fields < field.size()) field[fields] = line.substr(i, j - i);
      ++fields;
      i = j;
    }
    if (fields == 0) continue;
    if (fields < 3) fail("too few fields");
    if (fields > 3) fail("unexpected field '" + std::string(field[3]) + "'");
    const std::string_view addr = field[0], op = field[1], cycle = field[2];
    std::string_view hex = addr;
    if (hex.size() > 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')) hex.remove_prefix(2);
    DramRequest r{0, 0, request_bytes, false};
    if (hex.empty() || hex.size() > 16 || !all_of(hex, "0123456789abcdefABCDEF")) {
      fail("bad address '" + std::string(addr) + "'");
    }
    std::from_chars(hex.data(), hex.data() + hex.size(), r.addr, 16);
    if (op == "READ") {
      r.write = false;
    } else if (op == "WRITE") {
      r.write = true;
    } else {
      fail("bad operation '" + std::string(op) + "'");
    }
    if (cycle.empty() || cycle.size() > 18 || !all_of(cycle, "0123456789")) {
      fail("bad cycle '" + std::string(cycle) + "'");
    }
    std::from_chars(cycle.data(), cycle.data() + cycle.size(), r.arrival_ck);
    if (r.arrival_ck < last_cycle) {
      fail("cycle " + std::string(cycle) + " is earlier than the line before (" +
           std::to_string(last_cycle) + ")");
    }
    last_cycle = r.arrival_ck;
    out.push_back(r);
  }
  if (out.empty()) throw UserError(path + ": the trace holds no requests");
  return out;
}

}  // namespace blsim
