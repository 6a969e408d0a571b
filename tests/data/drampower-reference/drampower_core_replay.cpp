// SPDX-License-Identifier: MIT
// Replays a command trace (`CLOCK,COMMAND,RANK,BANKGROUP,BANK,ROW,COLUMN[,DATA]` a line, the
// format of DRAMPower's command-line tool) through DRAMPower's LPDDR4 or LPDDR5 core model only
// (the memspec's memoryType picks it) and prints its core energy by component as one CSV row.
// Written for the comparison in README.md: the DRAMPower command-line tool also runs its interface
// model, which stops at power-down commands (LPDDR4 power-down is signalled by CKE, not by a
// command-bus pattern). Built against a DRAMPower build outside this repository; not part of
// blsim's build.
#include <DRAMPower/command/Command.h>
#include <DRAMPower/memspec/MemSpecLPDDR4.h>
#include <DRAMPower/memspec/MemSpecLPDDR5.h>
#include <DRAMPower/standards/lpddr4/LPDDR4.h>
#include <DRAMPower/standards/lpddr5/LPDDR5.h>
#include <DRAMUtils/memspec/MemSpec.h>
#include <DRAMUtils/memspec/standards/MemSpecLPDDR4.h>
#include <DRAMUtils/memspec/standards/MemSpecLPDDR5.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

template <typename Dram>
int replay(Dram& dram, const char* trace) {
  std::ifstream in(trace);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
    if (f.size() < 7) {
      std::cerr << trace << ": bad line " << line << "\n";
      return 2;
    }
    const auto type = DRAMPower::CmdTypeUtil::from_string(f[1]);
    const DRAMPower::TargetCoordinate at{std::stoull(f[4]), std::stoull(f[3]), std::stoull(f[2]),
                                         std::stoull(f[5]), std::stoull(f[6])};
    dram.doCoreCommand(DRAMPower::Command{std::stoull(f[0]), type, at});
  }
  const auto e = dram.calcCoreEnergy(dram.getLastCommandTime());
  double act = 0, pre = 0, rd = 0, wr = 0, ref = 0, bg = 0;
  for (const auto& b : e.bank_energy) {
    act += b.E_act;
    pre += b.E_pre + b.E_pre_RDA + b.E_pre_WRA;
    rd += b.E_RD + b.E_RDA;
    wr += b.E_WR + b.E_WRA;
    ref += b.E_ref_AB + b.E_ref_PB + b.E_ref_SB + b.E_ref_2B;
    bg += b.E_bg_act + b.E_bg_pre;
  }
  bg += e.E_bg_act_shared;
  const double pd = e.E_PDNA + e.E_PDNP;
  std::printf("act,pre,rd,wr,ref,standby,powerdown,selfrefresh,total\n");
  std::printf("%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g\n", act, pre, rd, wr, ref, bg, pd,
              e.E_sref, e.total());
  return 0;
}

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: drampower_core_replay MEMSPEC.json TRACE.csv\n";
    return 2;
  }
  auto spec = DRAMUtils::parse_memspec_from_file(std::filesystem::path(argv[1]));
  if (!spec) {
    std::cerr << argv[1] << ": not a memspec\n";
    return 2;
  }
  const auto& v = spec->getVariant();
  if (const auto* lp4 = std::get_if<DRAMUtils::MemSpec::MemSpecLPDDR4>(&v)) {
    DRAMPower::LPDDR4 dram{DRAMPower::MemSpecLPDDR4(*lp4)};
    return replay(dram, argv[2]);
  }
  if (const auto* lp5 = std::get_if<DRAMUtils::MemSpec::MemSpecLPDDR5>(&v)) {
    DRAMPower::LPDDR5 dram{DRAMPower::MemSpecLPDDR5(*lp5)};
    return replay(dram, argv[2]);
  }
  std::cerr << argv[1] << ": neither an LPDDR4 nor an LPDDR5 memspec\n";
  return 2;
}
