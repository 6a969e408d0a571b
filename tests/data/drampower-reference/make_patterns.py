#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""LPDDR4 and LPDDR5 command patterns for the DRAMPower comparison (see README.md), on blsim's
lpddr4-3200, lpddr4x-4266 and lpddr5-3200 memspecs.

For each memspec and pattern this writes the blsim request trace MEMSPEC/PATTERN.trace, runs
`blsim dram` on it,
checks that blsim issued the hand-derived commands at the hand-derived clocks (each request's
first command and its last data beat, from dram_requests.csv, and the command counts of dram.csv),
writes the same commands at the same clocks as a DRAMPower command trace
MEMSPEC/PATTERN.drampower.csv, replays it through DRAMPower's LPDDR4 or LPDDR5 core model
(drampower_core_replay.cpp, with drampower-MEMSPEC.json) and writes DRAMPower's core energy by
component to drampower-MEMSPEC.csv.

usage: make_patterns.py BLSIM DRAMPOWER_CORE_REPLAY REPO_ROOT [MEMSPEC...]
"""
import csv
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# The clocks of each memspec as blsim rounds them (ns values up, tREFI down); PD_IDLE and
# SR_IDLE are dram.powerdown_idle_ns=100 and dram.selfrefresh_idle_ns=5000 in clocks; T1, T2, T3
# are the arrival clocks of the last request of patterns (d, e), (f) and (g). PAIRS: the device
# refreshes bank pairs (dram.banks_per_refresh = 2).
DEVICES = {
    "lpddr4-3200": dict(  # tCK 0.625 ns
        BANKS=8, RCD=29, RP=29, RAS=68, RTP=12, WR=29, RL=28, WL=14, BURST=8, CCD=8, RRD=16, FAW=64,
        REFI=6246, RFC=448, REFI_PB=780, RFC_PB=224, XP=12, XSR=460, PD_IDLE=160, SR_IDLE=8000,
        T1=14000, T2=20000, T3=7400, PAIRS=False),
    "lpddr4x-4266": dict(  # tCK 2 / 4266 MHz = 0.468823 ns
        BANKS=8, RCD=39, RP=39, RAS=90, RTP=16, WR=39, RL=36, WL=18, BURST=8, CCD=8, RRD=16, FAW=64,
        REFI=8341, RFC=812, REFI_PB=1042, RFC_PB=406, XP=16, XSR=828, PD_IDLE=214,
        SR_IDLE=10665, T1=18500, T2=26000, T3=9900, PAIRS=False),
    # 16 banks (16B mode); tCK 0.625 ns is the WCK period, 4 clocks a CK. Per-bank refresh: a
    # bank pair (b, b + 8) every tREFI / 8 (PAIRS: dram.banks_per_refresh = 2), in DRAMPower's
    # two-bank refresh command REFP2B.
    "lpddr5-3200": dict(
        BANKS=16, RCD=32, RP=32, RAS=68, RTP=20, WR=56, RL=36, WL=16, BURST=8, CCD=8, RRD=8,
        FAW=32, REFI=6248, RFC=448, REFI_PB=781, RFC_PB=224, XP=12, XSR=460, PD_IDLE=160,
        SR_IDLE=8000, T1=14000, T2=20000, T3=7400, PAIRS=True),
}

# The patterns are command sequences: the write queue (a controller policy that would hold the
# writes back and reorder them) is off.
BASE_SET = ["dram.channels=1", "dram.ranks=1", "dram.io_pj_per_bit=0",
            "dram.per_bank_refresh=false", "dram.write_queue_high_bursts=0"]
NO_PD = ["dram.powerdown_idle_ns=1e9"]


def rd(t, bank=0, row=0, col=0):
    return (t, "RD", bank, row, col)


def wr(t, bank=0, row=0, col=0):
    return (t, "WR", bank, row, col)


def cmd(t, name, bank=0, row=0):
    return (t, name, bank, row, 0)


def patterns():
    out = []
    ROW = BANKS * 2048  # address step to the next row of the same bank (banks x 2 KiB)

    # (a) ACT, 16 RD to one row, then a conflict: PRE, ACT, RD. RD i at RCD + 8 i (tCCD);
    # PRE at the last RD + tRTP (tRAS already met); ACT after tRP; RD after tRCD.
    reqs = [(i * 32, "READ", 0) for i in range(16)] + [(ROW, "READ", 0)]
    cmds = [cmd(0, "ACT")] + [rd(RCD + CCD * i, col=i * 16) for i in range(16)]
    pre = RCD + CCD * 15 + RTP
    cmds += [cmd(pre, "PRE"), cmd(pre + RP, "ACT", row=1), rd(pre + RP + RCD, row=1)]
    expect = [(0, RCD + RL + BURST)] + [(RCD + CCD * i, RCD + CCD * i + RL + BURST)
                                         for i in range(1, 16)]
    expect.append((pre, pre + RP + RCD + RL + BURST))
    out.append(dict(name="act_rd16_pre", reqs=reqs, set=NO_PD, cmds=cmds, expect=expect,
                    counts=dict(act=2, pre=1, rd=17, wr=0, ref=0)))

    # (b) ACT, 16 WR to one row, then a conflict: PRE after the last write data + tWR.
    reqs = [(i * 32, "WRITE", 0) for i in range(16)] + [(ROW, "WRITE", 0)]
    cmds = [cmd(0, "ACT")] + [wr(RCD + CCD * i, col=i * 16) for i in range(16)]
    pre = RCD + CCD * 15 + WL + BURST + WR
    cmds += [cmd(pre, "PRE"), cmd(pre + RP, "ACT", row=1), wr(pre + RP + RCD, row=1)]
    expect = [(0 if i == 0 else RCD + CCD * i, RCD + CCD * i + WL + BURST) for i in range(16)]
    expect.append((pre, pre + RP + RCD + WL + BURST))
    out.append(dict(name="act_wr16_pre", reqs=reqs, set=NO_PD, cmds=cmds, expect=expect,
                    counts=dict(act=2, pre=1, wr=17, rd=0, ref=0)))

    # (c) bank-interleaved: one read to each of the 8 banks, then a second read to each (row
    # hits). ACTs are tRRD (16) apart and keep tFAW (64); the command bus (4 clocks a command)
    # pushes an ACT one clock past a RD that holds the bus. Clocks are those blsim reports
    # (checked against these rules below); only the ACT clocks and the end enter the energy.
    reqs = [(b * 2048, "READ", 0) for b in range(8)] + [(b * 2048 + 32, "READ", 0)
                                                        for b in range(8)]
    out.append(dict(name="interleave8", reqs=reqs, set=NO_PD, cmds=None, expect=None,
                    counts=dict(act=8, pre=0, rd=16, wr=0, ref=0)))

    # (d) a read, T1 idle clocks with two all-bank refreshes at REFI and 2 REFI in standby
    # (the first closes the open row: PRE), then the same row again (ACT, RD).
    t1 = T1
    reqs = [(0, "READ", 0), (0, "READ", t1)]
    cmds = [cmd(0, "ACT"), rd(RCD), cmd(REFI, "PRE"), cmd(REFI, "REFA"), cmd(2 * REFI, "REFA"),
            cmd(t1, "ACT"), rd(t1 + RCD)]
    expect = [(0, RCD + RL + BURST), (t1, t1 + RCD + RL + BURST)]
    out.append(dict(name="idle_refresh", reqs=reqs, set=NO_PD, cmds=cmds, expect=expect,
                    counts=dict(act=2, pre=1, rd=2, wr=0, ref=2)))

    # (e) the same with power-down after 100 ns idle: active power-down (row open) until the
    # first refresh, which the rank wakes for; precharge power-down 160 clocks after each
    # refresh; the last request waits tXP.
    d0 = RCD + RL + BURST
    reqs = [(0, "READ", 0), (0, "READ", t1)]
    cmds = [cmd(0, "ACT"), rd(RCD), cmd(d0 + PD_IDLE, "PDEA"),
            cmd(REFI, "PDXA"), cmd(REFI, "PRE"), cmd(REFI, "REFA"),
            cmd(REFI + RFC + PD_IDLE, "PDEP"), cmd(2 * REFI, "PDXP"), cmd(2 * REFI, "REFA"),
            cmd(2 * REFI + RFC + PD_IDLE, "PDEP"), cmd(t1, "PDXP"),
            cmd(t1 + XP, "ACT"), rd(t1 + XP + RCD)]
    expect = [(0, d0), (t1 + XP, t1 + XP + RCD + RL + BURST)]
    out.append(dict(name="powerdown_refresh", reqs=reqs, set=["dram.powerdown_idle_ns=100"],
                    cmds=cmds, expect=expect, counts=dict(act=2, pre=1, rd=2, wr=0, ref=2)))

    # (f) self-refresh after 5 us idle (and power-down after 100 ns): one refresh at REFI in
    # power-down, self-refresh from the last data + SR_IDLE clocks to the next request, which
    # waits tXSR. The self-refresh entry performs one all-bank refresh (tRFC) before IDD6: blsim
    # counts it with the scheduled ones.
    t2 = T2
    sr = d0 + SR_IDLE
    reqs = [(0, "READ", 0), (0, "READ", t2)]
    cmds = [cmd(0, "ACT"), rd(RCD), cmd(d0 + PD_IDLE, "PDEA"),
            cmd(REFI, "PDXA"), cmd(REFI, "PRE"), cmd(REFI, "REFA"),
            cmd(REFI + RFC + PD_IDLE, "PDEP"), cmd(sr, "PDXP"), cmd(sr, "SREFEN"),
            cmd(t2, "SREFEX"), cmd(t2 + XSR, "ACT"), rd(t2 + XSR + RCD)]
    expect = [(0, d0), (t2 + XSR, t2 + XSR + RCD + RL + BURST)]
    out.append(dict(name="selfrefresh", reqs=reqs,
                    set=["dram.powerdown_idle_ns=100", "dram.selfrefresh_idle_ns=5000"],
                    cmds=cmds, expect=expect, counts=dict(act=2, pre=1, rd=2, wr=0, ref=2)))

    # (g) per-bank refresh in standby: refresh group b (bank b, and bank b + BANKS / 2 when the
    # device refreshes pairs) refreshes at (b + 1) REFI_PB + k groups REFI_PB for RFC_PB;
    # a read, then the same row after nine per-bank refreshes (bank 0's first closes the row).
    t3 = T3
    groups = BANKS // 2 if PAIRS else BANKS
    reqs = [(0, "READ", 0), (0, "READ", t3)]
    cmds = [cmd(0, "ACT"), rd(RCD), cmd(REFI_PB, "PRE")]
    for k in range(1, 10):
        cmds.append(cmd(k * REFI_PB, "REFP2B" if PAIRS else "REFB", bank=(k - 1) % groups))
    cmds += [cmd(t3, "ACT"), rd(t3 + RCD)]
    expect = [(0, d0), (t3, t3 + RCD + RL + BURST)]
    out.append(dict(name="perbank_refresh", reqs=reqs,
                    set=NO_PD + ["dram.per_bank_refresh=true"], cmds=cmds, expect=expect,
                    counts=dict(act=2, pre=1, rd=2, wr=0, ref=9)))

    return out


def blsim_sets(p):
    sets = dict(s.split("=", 1) for s in BASE_SET)
    sets.update(s.split("=", 1) for s in p["set"])
    return [f"{k}={v}" for k, v in sets.items()]


def read_rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def run_blsim(blsim, root, device, p, trace, out):
    args = [blsim, "dram", "--memspec", os.path.join(root, "configs/dram", device + ".ini"),
            "--trace", trace, "--request-bytes", "32", "--out", out]
    for s in blsim_sets(p):
        args += ["--set", s]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return (read_rows(os.path.join(out, "dram.csv"))[0],
            read_rows(os.path.join(out, "dram_requests.csv")))


def derive_interleave(reqs):
    """Commands of pattern (c) from blsim's per-request clocks, checked against the rules."""
    cmds, acts = [], []
    for r in reqs:
        bank = int(r["address"], 16) // 2048 % BANKS
        col_cmd = int(r["data_end_cycle"]) - RL - BURST
        if bank not in [b for b, _ in acts]:
            act = int(r["issue_cycle"])
            assert all(act - a >= RRD for _, a in acts), "tRRD"
            assert sum(1 for _, a in acts if act - a < FAW) < 4, "tFAW"
            assert col_cmd >= act + RCD
            acts.append((bank, act))
            cmds.append(cmd(act, "ACT", bank=bank))
        cmds.append(rd(col_cmd, bank=bank, col=int(r["address"], 16) % 2048 // 2))
    return cmds


def drampower_trace(cmds, end):
    data = "0" * 64  # one 16-beat x16 burst, all zero (core energy does not depend on data)
    lines = []
    for t, name, bank, row, col in sorted(cmds, key=lambda c: c[0]):
        fields = [str(t), name, "0", "0", str(bank), str(row), str(col)]
        if name in ("RD", "WR"):
            fields.append(data)
        lines.append(",".join(fields))
    lines.append(f"{end},END,0,0,0,0,0")
    return "\n".join(lines) + "\n"


def main():
    blsim, replay, root = sys.argv[1:4]
    only = sys.argv[4:]  # optional: the memspecs to make (default: all)
    tmp = tempfile.mkdtemp()
    for device, clocks in DEVICES.items():
        if only and device not in only:
            continue
        globals().update(clocks)
        os.makedirs(os.path.join(HERE, device), exist_ok=True)
        rows = []
        for p in patterns():
            rows.append(run_pattern(blsim, replay, root, device, p, tmp))
        with open(os.path.join(HERE, f"drampower-{device}.csv"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["pattern", "blsim_set", "request_bytes", "cycles", "act", "pre", "rd",
                        "wr", "ref", "energy_act_j", "energy_pre_j", "energy_rd_j", "energy_wr_j",
                        "energy_ref_j", "energy_standby_j", "energy_powerdown_j",
                        "energy_selfrefresh_j", "energy_background_j", "energy_total_j"])
            w.writerows(rows)


def run_pattern(blsim, replay, root, device, p, tmp):
    name = p["name"]
    trace = os.path.join(HERE, device, name + ".trace")
    with open(trace, "w") as f:
        f.writelines(f"0x{a:x} {op} {c}\n" for a, op, c in p["reqs"])
    summary, reqs = run_blsim(blsim, root, device, p, trace, os.path.join(tmp, device, name))
    got = [(int(r["issue_cycle"]), int(r["data_end_cycle"])) for r in reqs]
    if p["expect"] is not None:
        assert got == p["expect"], (device, name, got, p["expect"])
    cmds = p["cmds"] if p["cmds"] is not None else derive_interleave(reqs)
    for k, v in p["counts"].items():
        assert int(summary[k]) == v, (device, name, k, summary[k], v)
    end = int(summary["cycles"])
    assert end == max(e for _, e in got)
    dp_trace = os.path.join(HERE, device, name + ".drampower.csv")
    with open(dp_trace, "w") as f:
        f.write(drampower_trace(cmds, end))
    res = subprocess.run([replay, os.path.join(HERE, f"drampower-{device}.json"), dp_trace],
                         check=True, capture_output=True, text=True).stdout
    e = {k: float(v) for k, v in zip(*[l.split(",") for l in res.split()])}
    e["background"] = e["standby"] + e["powerdown"] + e["selfrefresh"]
    total = e["act"] + e["pre"] + e["rd"] + e["wr"] + e["ref"] + e["background"]
    assert abs(total - e["total"]) <= 1e-6 * total
    n = lambda k: sum(1 for c in cmds if c[1] == k)
    return ([name, " ".join(p["set"]), 32, end, n("ACT"), n("PRE"), n("RD"), n("WR"),
             n("REFA") + n("REFB") + n("REFP2B") + n("SREFEN")] +
            [f"{e[k]:.9g}" for k in ("act", "pre", "rd", "wr", "ref", "standby", "powerdown",
                                     "selfrefresh", "background")] + [f"{total:.9g}"])


if __name__ == "__main__":
    main()
