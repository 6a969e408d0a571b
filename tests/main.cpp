// SPDX-License-Identifier: MIT
// Test entry for suites that touch SystemC: sc_main hands control to GoogleTest.
// ctest runs every test case in its own process, so each gets a fresh simulation kernel.
#include <gtest/gtest.h>
#include <systemc>

int sc_main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
