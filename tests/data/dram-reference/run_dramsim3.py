#!/usr/bin/env python3
"""Runs DRAMsim3 (dramsim3main) on a trace and finds the first cycle count at which every
transaction of the trace is done (bisection over -c), then prints one CSV row: trace,
transactions, cycles, bytes, bandwidth_bytes_per_s, energy_total_j and the parts. DRAMsim3 reports
energy as V x mA x clocks; x tCK (ns) gives pJ. With several channels, every count and energy is
the sum over them. Usage:
  run_dramsim3.py DRAMSIM3MAIN CONFIG TRACE TCK_NS BYTES_PER_TRANSACTION"""
import json, os, subprocess, sys, tempfile

def run(main, config, trace, cycles, out):
    subprocess.run([main, config, "-c", str(cycles), "-t", trace, "-o", out], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=out)
    with open(os.path.join(out, "dramsim3.json")) as f:
        return total(json.load(f).values())

def total(channels):
    """One channel's statistics, or the sum of every channel's (numbers and per-rank dicts)."""
    channels = list(channels)
    s = channels[0]
    for c in channels[1:]:
        s = add(s, c)
    return s

def add(a, b):
    if isinstance(a, dict):  # per rank, or a histogram: keys may differ between channels
        return {k: add(a.get(k, 0), b.get(k, 0)) for k in {**a, **b}}
    return a + b if isinstance(a, (int, float)) and not isinstance(a, bool) else a

def main():
    main_bin, config, trace, tck_ns, tx_bytes = sys.argv[1:6]
    main_bin, config, trace = (os.path.abspath(p) for p in (main_bin, config, trace))
    tck_ns, tx_bytes = float(tck_ns), int(tx_bytes)
    n = sum(1 for line in open(trace) if line.strip())
    out = tempfile.mkdtemp()
    lo, hi = 1, 1 << 14
    while True:
        s = run(main_bin, config, trace, hi, out)
        if s["num_reads_done"] + s["num_writes_done"] >= n:
            break
        lo, hi = hi, hi * 2
    while hi - lo > 1:
        mid = (lo + hi) // 2
        s = run(main_bin, config, trace, mid, out)
        if s["num_reads_done"] + s["num_writes_done"] >= n:
            hi = mid
        else:
            lo = mid
    s = run(main_bin, config, trace, hi, out)
    pj = lambda v: (sum(v.values()) if isinstance(v, dict) else v) * tck_ns * 1e-12
    parts = {k: pj(s[k]) for k in ["act_energy", "read_energy", "write_energy", "ref_energy",
                                    "refb_energy", "act_stb_energy", "pre_stb_energy",
                                    "pre_pd_energy", "sref_energy"] if k in s}
    seconds = hi * tck_ns * 1e-9
    print(",".join(str(x) for x in [os.path.basename(trace), n, hi, n * tx_bytes,
                                     n * tx_bytes / seconds, pj(s["total_energy"]),
                                     s["num_act_cmds"], s["num_read_cmds"], s["num_write_cmds"],
                                     s["num_ref_cmds"], s["num_read_row_hits"] + s["num_write_row_hits"]]
                   + [f"{k}={v:.6g}" for k, v in parts.items()]))

if __name__ == "__main__":
    main()
