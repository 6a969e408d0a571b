// SPDX-License-Identifier: MIT
// The ledger merges rows by key, keeps their order, sums to its total and writes layers.csv.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "energy/energy_ledger.h"

namespace blsim {
namespace {

LedgerRow row(const char* stage, const char* layer, double core_j, double dram_j) {
  LedgerRow r;
  r.stage = stage;
  r.net = "net";
  r.cluster = "big";
  r.layer = layer;
  r.op = "Conv";
  r.calls = 1;
  r.time_s = 1e-3;
  r.macs = 100;
  r.energy.core_dyn_j = core_j;
  r.energy.dram_static_j = dram_j;
  return r;
}

TEST(EnergyLedger, MergesByKeyInFirstBookedOrder) {
  EnergyLedger ledger;
  ledger.add(row("little", "conv1", 1, 0.5));
  ledger.add(row("little", "fc", 2, 0));
  ledger.add(row("little", "conv1", 3, 0.25));
  ASSERT_EQ(ledger.rows().size(), 2u);
  EXPECT_EQ(ledger.rows()[0].layer, "conv1");
  EXPECT_EQ(ledger.rows()[0].calls, 2u);
  EXPECT_EQ(ledger.rows()[0].macs, 200u);
  EXPECT_DOUBLE_EQ(ledger.rows()[0].energy.core_dyn_j, 4);
  EXPECT_DOUBLE_EQ(ledger.total().total_j(), 6.75);
}

TEST(EnergyLedger, LayersCsvStartsWithTheDesignColumns) {
  EnergyLedger ledger;
  ledger.add(row("big", "conv1", 1, 0.5));
  const std::string path = ::testing::TempDir() + "layers_test.csv";
  ledger.write_layers_csv(path);
  std::ifstream in(path);
  std::string header, line;
  std::getline(in, header);
  std::getline(in, line);
  EXPECT_EQ(header.rfind(
                "stage,net,cluster,layer,op,calls,macs,dram_read_bytes,dram_write_bytes,time_s,"
                "energy_core_dyn_j,energy_core_static_j,energy_sram_j,energy_noc_j,"
                "energy_dram_dyn_j,energy_dram_static_j,energy_total_j,",
                0),
            0u);
  EXPECT_EQ(line.rfind("big,net,big,conv1,Conv,1,100,0,0,0.001,1,0,0,0,0,0.5,1.5,", 0), 0u);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace blsim
