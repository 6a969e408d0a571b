// SPDX-License-Identifier: MIT
// Running the points of a sweep. Each finished point is appended to sweep.csv at once, one
// write() per row on an O_APPEND descriptor, so an interrupted sweep keeps every finished row and
// the rows of the --jobs worker processes never interleave.
#include "sim/sweep_runner.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>

#include "common/atomic_file.h"
#include "common/csv_reader.h"
#include "common/csv_writer.h"
#include "common/hash.h"
#include "common/user_error.h"
#include "sim/cascade_report.h"
#include "sim/command_line.h"
#include "sim/progress_line.h"

namespace blsim {

Config point_config(const Config& base, const SweepGrid& grid, const std::vector<std::string>& values) {
  Config cfg = base;
  for (size_t a = 0; a < values.size(); ++a) {
    cfg.set(blsim_options(), grid.axes()[a].key, values[a], "--vary");
  }
  return cfg;
}

namespace {

// Appends whole lines to sweep.csv: one write() per row on an O_APPEND descriptor (so rows of
// several processes never interleave), made durable once a second and at the end.
class RowAppender {
 public:
  RowAppender(const std::string& path, const std::vector<std::string>& header, bool fresh) {
    check_output_file(path);
    const int flags = O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (fresh ? O_TRUNC : 0);
    fd_ = ::open(path.c_str(), flags, 0644);
    if (fd_ < 0) throw UserError(path + ": cannot open for appending: " + std::strerror(errno));
    path_ = path;
    struct stat st {};
    if (::fstat(fd_, &st) == 0 && st.st_size == 0) write(csv_line(header));
  }
  ~RowAppender() {
    if (fd_ >= 0) {
      ::fdatasync(fd_);
      ::close(fd_);
    }
  }
  RowAppender(const RowAppender&) = delete;
  RowAppender& operator=(const RowAppender&) = delete;

  void write(const std::string& line) {
    if (::write(fd_, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
      throw UserError(path_ + ": cannot append a row: " + std::strerror(errno));
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - synced_ > std::chrono::seconds(1)) {
      ::fdatasync(fd_);
      synced_ = now;
    }
  }

 private:
  int fd_ = -1;
  std::string path_;
  std::chrono::steady_clock::time_point synced_ = std::chrono::steady_clock::now();
};

// Runs one point and returns its sweep.csv line.
std::string run_point(const SweepJob& job, ScoreSource& scores, uint64_t point) {
  const std::vector<std::string> values = job.grid.values_of(point);
  const Config cfg = point_config(job.base, job.grid, values);
  const CascadeRun run = run_cascade(cfg, scores, job.options);
  const RunReport report = run.report();
  CsvRow row("sweep.csv: point " + std::to_string(point));
  for (const auto& v : values) row << v;
  write_summary_fields(row, report, job.report_val ? report.splits.front() : report.splits.back());
  const std::string canonical = cfg.canonical();
  row << hex64(fnv1a64(canonical.data(), canonical.size())) << BLSIM_VERSION << "" << point
      << run.path << job.sweep_hash;
  return csv_line(row.fields());
}

// Runs `todo` in `jobs` processes, each appending its rows; reports progress. A failing point
// stops the sweep: its one-line message is rethrown here.
void run_points(const SweepJob& job, ScoreSource& scores, const std::vector<uint64_t>& todo,
                unsigned jobs, RowAppender& out, ProgressLine& progress, uint64_t done) {
  if (jobs <= 1 || todo.size() <= 1) {
    for (const uint64_t p : todo) {
      out.write(run_point(job, scores, p));
      progress.update(++done);
    }
    return;
  }
  // Each worker reports a '.' per point, or "E<message>\n" when a point fails.
  int fds[2];
  if (::pipe(fds) != 0) throw UserError(std::string("sweep: cannot make a pipe: ") + std::strerror(errno));
  std::vector<pid_t> workers;
  for (unsigned w = 0; w < jobs; ++w) {
    const pid_t pid = ::fork();
    if (pid < 0) throw UserError(std::string("sweep: cannot start a worker: ") + std::strerror(errno));
    if (pid == 0) {
      ::close(fds[0]);
      int status = 0;
      try {
        for (size_t i = w; i < todo.size(); i += jobs) {
          out.write(run_point(job, scores, todo[i]));
          if (::write(fds[1], ".", 1) != 1) break;
        }
      } catch (const std::exception& e) {
        const std::string msg = std::string("E") + e.what() + "\n";
        if (::write(fds[1], msg.data(), msg.size()) < 0) status = 2;
        status = 2;
      }
      std::fflush(nullptr);
      ::_exit(status);
    }
    workers.push_back(pid);
  }
  ::close(fds[1]);
  std::string error;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    for (ssize_t i = 0; i < n; ++i) {
      if (!error.empty() || buf[i] == 'E') {
        if (buf[i] != '\n') error += buf[i];
        continue;
      }
      progress.update(++done);
    }
    if (!error.empty()) {
      for (const pid_t pid : workers) ::kill(pid, SIGTERM);
    }
  }
  ::close(fds[0]);
  bool failed = false;
  for (const pid_t pid : workers) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    failed |= !WIFEXITED(status) || WEXITSTATUS(status) != 0;
  }
  if (!error.empty()) throw UserError(error.substr(1));
  if (failed) throw UserError("sweep: a worker process ended abnormally; --resume continues");
}

}  // namespace

void run_sweep_points(const SweepJob& job, ScoreSource& scores, const std::vector<uint64_t>& todo,
                      unsigned jobs, const std::string& path, const std::vector<std::string>& header,
                      bool fresh, uint64_t total) {
  RowAppender out(path, header, fresh);
  ProgressLine progress("sweep", "points", total, total - todo.size());
  run_points(job, scores, todo, jobs, out, progress, total - todo.size());
  if (!todo.empty()) progress.update(total, true);
}

}  // namespace blsim
