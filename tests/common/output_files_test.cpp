// SPDX-License-Identifier: MIT
// Output safety: AtomicFile never follows or replaces a symlink, device or FIFO at the target and
// leaves no temporary; an OutputSet publishes all of its files or none, also when a writer fails
// or SIGTERM arrives mid-run; CsvWriter refuses non-finite numbers.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "common/atomic_file.h"
#include "common/csv_writer.h"
#include "common/output_set.h"
#include "common/user_error.h"
#include "tests/scratch_dir.h"

namespace fs = std::filesystem;

namespace blsim {
namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<std::string> entries(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

using OutputFilesTest = ScratchDirTest;

TEST_F(OutputFilesTest, AtomicFileWritesAndLeavesNoTemporary) {
  std::ofstream(dir_ + "/a.csv") << "old";
  AtomicFile f(dir_ + "/a.csv");
  f.stream() << "new";
  EXPECT_EQ(read_all(dir_ + "/a.csv"), "old");  // nothing visible before commit
  f.commit();
  EXPECT_EQ(read_all(dir_ + "/a.csv"), "new");
  EXPECT_EQ(entries(dir_), std::vector<std::string>{"a.csv"});
}

TEST_F(OutputFilesTest, AtomicFileWritesAFileLargerThanItsBuffer) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += std::to_string(i) + "\n";  // 588,890 bytes
  {
    AtomicFile f(dir_ + "/large.csv");
    for (char c : text) f.stream() << c;
    EXPECT_FALSE(std::filesystem::exists(dir_ + "/large.csv"));
    f.commit();
  }
  EXPECT_EQ(read_all(dir_ + "/large.csv"), text);
  {
    AtomicFile f(dir_ + "/dropped.csv");  // destroyed uncommitted: nothing left
    f.stream() << text;
  }
  EXPECT_EQ(entries(dir_), std::vector<std::string>{"large.csv"});
}

TEST_F(OutputFilesTest, AtomicFileRefusesASymlinkAndLeavesItsTargetAlone) {
  std::ofstream(dir_ + "/victim") << "precious";
  fs::create_symlink(dir_ + "/victim", dir_ + "/out.csv");
  EXPECT_THROW(AtomicFile(dir_ + "/out.csv"), UserError);
  EXPECT_EQ(read_all(dir_ + "/victim"), "precious");
  EXPECT_TRUE(fs::is_symlink(dir_ + "/out.csv"));
  EXPECT_EQ(entries(dir_), (std::vector<std::string>{"out.csv", "victim"}));
}

TEST_F(OutputFilesTest, AtomicFileRefusesDevicesFifosAndFolders) {
  ASSERT_EQ(::mkfifo((dir_ + "/fifo").c_str(), 0600), 0);
  fs::create_directories(dir_ + "/folder");
  try {
    AtomicFile f("/dev/null");
    FAIL() << "no throw";
  } catch (const UserError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("/dev/null: output exists and is a character device", 0),
              0u) << e.what();
  }
  EXPECT_THROW(check_output_file(dir_ + "/fifo"), UserError);
  EXPECT_THROW(check_output_file(dir_ + "/folder"), UserError);
  EXPECT_THROW(check_output_file(dir_ + "/missing-folder/a.csv"), UserError);
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  EXPECT_NO_THROW(check_output_file(dir_ + "/new.csv"));
}

TEST_F(OutputFilesTest, AtomicFileRefusesATargetThatTurnsIntoAFifoBeforeCommit) {
  AtomicFile f(dir_ + "/late.csv");
  f.stream() << "x";
  ASSERT_EQ(::mkfifo((dir_ + "/late.csv").c_str(), 0600), 0);
  EXPECT_THROW(f.commit(), UserError);
  struct stat st {};
  ASSERT_EQ(::lstat((dir_ + "/late.csv").c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  EXPECT_EQ(entries(dir_), std::vector<std::string>{"late.csv"});
}

TEST_F(OutputFilesTest, CheckOutputDir) {
  EXPECT_NO_THROW(check_output_dir(dir_));
  EXPECT_NO_THROW(check_output_dir(dir_ + "/new/deeper"));
  std::ofstream(dir_ + "/file") << "x";
  EXPECT_THROW(check_output_dir(dir_ + "/file"), UserError);
  EXPECT_THROW(check_output_dir(dir_ + "/file/sub"), UserError);
  EXPECT_FALSE(fs::exists(dir_ + "/new"));  // checking creates nothing
}

TEST_F(OutputFilesTest, OutputSetPublishesAllFilesAtCommit) {
  const std::string out = dir_ + "/run";
  OutputSet set(out, {"summary.csv", "layers.csv"});
  EXPECT_FALSE(fs::exists(out));
  for (const char* name : {"summary.csv", "layers.csv"}) {
    AtomicFile f(set.path(name));
    f.stream() << name;
    f.commit();
    EXPECT_FALSE(fs::exists(out + "/" + name));
  }
  set.commit();
  EXPECT_EQ(entries(out), (std::vector<std::string>{"layers.csv", "summary.csv"}));
  EXPECT_EQ(read_all(out + "/layers.csv"), "layers.csv");
}

TEST_F(OutputFilesTest, OutputSetLeavesTheOldSetWhenAWriterFails) {
  const std::string out = dir_ + "/run";
  fs::create_directories(out);
  std::ofstream(out + "/summary.csv") << "old summary";
  std::ofstream(out + "/inferences.csv") << "old inferences";
  try {
    OutputSet set(out, {"summary.csv", "inferences.csv"});
    CsvWriter summary(set.path("summary.csv"), {"energy_j"});
    summary << 1.0;
    summary.end_row();
    summary.commit();
    CsvWriter inferences(set.path("inferences.csv"), {"index", "latency_s"});
    inferences << 0 << std::numeric_limits<double>::quiet_NaN();
    FAIL() << "NaN accepted";
  } catch (const UserError& e) {
    // Named by its final place, with the column.
    EXPECT_EQ(std::string(e.what()),
              out + "/inferences.csv: row 1, column latency_s: value nan is not finite "
                    "(not written)");
  }
  EXPECT_EQ(read_all(out + "/summary.csv"), "old summary");
  EXPECT_EQ(read_all(out + "/inferences.csv"), "old inferences");
  EXPECT_EQ(entries(out), (std::vector<std::string>{"inferences.csv", "summary.csv"}));
}

TEST_F(OutputFilesTest, OutputSetRefusesANonRegularMemberUpFront) {
  const std::string out = dir_ + "/run";
  fs::create_directories(out);
  fs::create_symlink("/dev/null", out + "/summary.csv");
  EXPECT_THROW(OutputSet(out, {"summary.csv"}), UserError);
  EXPECT_TRUE(fs::is_symlink(out + "/summary.csv"));
}

TEST_F(OutputFilesTest, CsvWriterRefusesInfinity) {
  CsvWriter csv(dir_ + "/x.csv", {"a", "b"});
  csv << 1.0;
  EXPECT_THROW(csv << std::numeric_limits<double>::infinity(), UserError);
}

// A staging folder left by a process that is gone (SIGKILL) is removed by the next set staged in
// the same folder; one of a live process is not.
TEST_F(OutputFilesTest, StaleStagingOfADeadProcessIsRemoved) {
  const std::string out = dir_ + "/run";
  const pid_t dead = ::fork();
  ASSERT_GE(dead, 0);
  if (dead == 0) ::_exit(0);
  ASSERT_EQ(::waitpid(dead, nullptr, 0), dead);  // its pid now names no process
  const std::string stale = out + "/" + kStagingPrefix + std::to_string(dead) + "-abcdef";
  const std::string live = out + "/" + kStagingPrefix + "1-abcdef";  // init never dies
  fs::create_directories(stale);
  fs::create_directories(live);
  std::ofstream(stale + "/summary.csv") << "half";
  OutputSet set(out, {"a.csv"});
  EXPECT_TRUE(fs::exists(stale));  // the constructor changes nothing
  AtomicFile a(set.path("a.csv"));
  a.stream() << "a";
  a.commit();
  set.commit();
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(live));
  EXPECT_EQ(read_all(out + "/a.csv"), "a");
}

// A write that fails (here: the file-size limit, as a full disk would) names its reason and
// leaves neither the file nor its temporary; an earlier version of the file stays.
// The file is written 64 KiB at a time: a write that fails at commit and one that fails while
// the stream is being filled are reported alike, at commit.
TEST_F(OutputFilesTest, WriteErrorNamesItsReasonAndLeavesNothing) {
  for (const size_t bytes : {size_t{1000}, size_t{200000}}) {
    SCOPED_TRACE(bytes);
    std::ofstream(dir_ + "/big.csv") << "old";
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::signal(SIGXFSZ, SIG_IGN);
      const struct rlimit limit = {100, 100};
      ::setrlimit(RLIMIT_FSIZE, &limit);
      try {
        AtomicFile f(dir_ + "/big.csv");
        f.stream() << std::string(bytes, 'x');
        f.commit();
      } catch (const UserError& e) {
        const std::string want = dir_ + "/big.csv: write failed: File too large";
        ::_exit(std::string(e.what()) == want ? 0 : 2);
      }
      ::_exit(1);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "1: no error, 2: another message";
    EXPECT_EQ(entries(dir_), std::vector<std::string>{"big.csv"});
    EXPECT_EQ(read_all(dir_ + "/big.csv"), "old");
  }
}

// SIGTERM while a set is half written: the handler removes the staging folder and the writers'
// temporaries, then the process dies of the signal.
TEST_F(OutputFilesTest, SigtermRemovesStagedFiles) {
  const std::string out = dir_ + "/run";
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    OutputSet set(out, {"a.csv", "b.csv"});
    AtomicFile a(set.path("a.csv"));
    a.stream() << "a";
    a.commit();
    AtomicFile b(set.path("b.csv"));  // its temporary exists now
    ::raise(SIGTERM);
    ::_exit(0);  // not reached
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
  EXPECT_EQ(entries(out), std::vector<std::string>{});
}

}  // namespace
}  // namespace blsim
