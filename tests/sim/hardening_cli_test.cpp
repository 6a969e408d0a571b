// SPDX-License-Identifier: MIT
// End-to-end regression tests for issue #11 that the bad-input table cannot express: the usage
// goes to stderr with status 2, /dev/null survives being named as an output, a score cache
// damaged in place is recomputed with one warning and the same results, and a run interrupted by
// SIGINT at any moment leaves its output folder holding one whole set of files and no temporaries;
// and every shorthand option's help names its default.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>
#include "tests/scratch_dir.h"
#include "tests/sim/cli_test_util.h"

namespace fs = std::filesystem;

using blsim::testing::Outcome;

namespace {

const std::string kHome = BLSIM_SOURCE_DIR;

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

Outcome run_blsim(const std::string& args, const std::string& dir) {
  return blsim::testing::run_blsim_captured(args, dir);
}

using HardeningCli = blsim::ScratchDirTest;

TEST_F(HardeningCli, NoArgumentsPrintsTheUsageOnStderr) {
  const Outcome o = run_blsim("", dir_);
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.out, "");
  EXPECT_NE(o.err.find("Usage: blsim <command>"), std::string::npos) << o.err;
  const Outcome help = run_blsim("--help", dir_);
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("Usage: blsim <command>"), std::string::npos);
}

// TEXT with its line breaks and runs of spaces as single spaces (help wraps at 80 columns).
std::string one_line(const std::string& text) {
  std::string flat;
  for (char c : text) {
    if (c == '\n') c = ' ';
    if (c != ' ' || flat.empty() || flat.back() != ' ') flat += c;
  }
  return flat;
}

// Every shorthand option's help says what it defaults to; an SoC key, which has no built-in
// value, names the preset.
TEST_F(HardeningCli, EveryShorthandNamesItsDefault) {
  for (const char* command : {"run", "sweep", "profile", "dram", "validate", "resplit"}) {
    const Outcome help = run_blsim(std::string(command) + " --help", dir_);
    ASSERT_EQ(help.status, 0) << command;
    EXPECT_EQ(one_line(help.out).find("default: )"), std::string::npos) << command;
  }
  EXPECT_NE(one_line(run_blsim("dram --help", dir_).out)
                .find("dram.memspec=...; default: the SoC preset's)"),
            std::string::npos);
}

TEST_F(HardeningCli, DevNullSurvivesAsAnOutput) {
  const Outcome o = run_blsim(
      "inspect --net '" + kHome + "/workloads/nets/mnist-little.onnx' --csv /dev/null", dir_);
  EXPECT_EQ(o.status, 2) << o.err;
  struct stat st {};
  ASSERT_EQ(::lstat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode)) << "/dev/null is no longer a character device";
}

// Flips one bit in the middle of every cached score file: same size, same header.
void damage_cache(const std::string& cache) {
  for (const auto& e : fs::directory_iterator(cache)) {
    std::string b = read_all(e.path().string());
    b[b.size() - b.size() / 3] ^= 0x20;
    std::ofstream(e.path().string(), std::ios::binary | std::ios::trunc) << b;
  }
}

TEST_F(HardeningCli, DamagedCacheIsRecomputedWithOneWarning) {
  const std::string common = "run --samples 200 --threshold 0.5 --set cascade.cache_dir=" +
                             dir_ + "/cache";
  const Outcome first = run_blsim(common + " --out o1", dir_);
  ASSERT_EQ(first.status, 0) << first.err;
  ASSERT_FALSE(fs::is_empty(dir_ + "/cache"));
  damage_cache(dir_ + "/cache");
  const Outcome second = run_blsim(common + " --out o2", dir_);
  ASSERT_EQ(second.status, 0) << second.err;
  // One warning per damaged file (2 networks x 2 splits), each one line naming the reason.
  size_t warnings = 0;
  for (size_t at = second.err.find("blsim: warning: "); at != std::string::npos;
       at = second.err.find("blsim: warning: ", at + 1)) {
    ++warnings;
    const std::string line = second.err.substr(at, second.err.find('\n', at) - at);
    EXPECT_NE(line.find("damaged score cache (body checksum mismatch); recomputing"),
              std::string::npos) << line;
  }
  EXPECT_EQ(warnings, 4u) << second.err;
  EXPECT_EQ(read_all(dir_ + "/o2/summary.csv"), read_all(dir_ + "/o1/summary.csv"));
  EXPECT_EQ(read_all(dir_ + "/o2/inferences.csv"), read_all(dir_ + "/o1/inferences.csv"));
  // Rewritten: the next run reads it without a warning.
  const Outcome third = run_blsim(common + " --out o3", dir_);
  EXPECT_EQ(third.err.find("warning"), std::string::npos) << third.err;
}

TEST_F(HardeningCli, InterruptedRunLeavesOneWholeSet) {
  const std::string out = dir_ + "/o";
  const std::vector<std::string> names = {"summary.csv", "layers.csv", "inferences.csv",
                                          "states.csv"};
  const std::string args_cache = "--set cascade.cache_dir=" + dir_ + "/cache";
  // Warm the cache so the interrupts land in the simulation and the writing, not in the engine.
  ASSERT_EQ(run_blsim("run --samples 300 " + args_cache + " --out warm", dir_).status, 0);
  for (const int delay_ms : {0, 30, 100, 250, 500, 800, 1200}) {
    fs::remove_all(out);
    fs::create_directories(out);
    for (const auto& n : names) std::ofstream(out + "/" + n) << "old\n";
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::freopen("/dev/null", "w", stdout);
      ::freopen("/dev/null", "w", stderr);
      ::execl(BLSIM_BINARY, "blsim", "run", "--samples", "300", "--set",
              ("cascade.cache_dir=" + dir_ + "/cache").c_str(), "--out", out.c_str(),
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(child, SIGINT);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    size_t old_files = 0;
    for (const auto& n : names) old_files += read_all(out + "/" + n) == "old\n" ? 1 : 0;
    EXPECT_TRUE(old_files == 0 || old_files == names.size())
        << "after SIGINT at " << delay_ms << " ms, " << old_files << " of " << names.size() << " files are old";
    std::vector<std::string> entries;
    for (const auto& e : fs::directory_iterator(out)) entries.push_back(e.path().filename().string());
    EXPECT_EQ(entries.size(), names.size()) << "leftovers after SIGINT at " << delay_ms << " ms";
    if (old_files == 0) {
      EXPECT_EQ(read_all(out + "/summary.csv"), read_all(dir_ + "/warm/summary.csv"));
    }
  }
}

}  // namespace
