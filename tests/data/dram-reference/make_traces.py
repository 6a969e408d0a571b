#!/usr/bin/env python3
"""Writes the request traces of the DRAM reference tests (ADDRESS OP CYCLE, all arriving at cycle
0) twice: one line per blsim request (`*.blsim.trace`) and one line per 32-byte burst, the
transaction size of a x16 BL16 channel in DRAMsim3 (`*.dramsim3.trace`). Random addresses come
from a 64-bit LCG (multiplier 6364136223846793005, increment 1442695040888963407), seed 1."""
import sys

def lcg(x):
    return (x * 6364136223846793005 + 1442695040888963407) % (1 << 64)

def write(name, requests, size, out):
    with open(f"{out}/{name}.blsim.trace", "w") as b, open(f"{out}/{name}.dramsim3.trace", "w") as d:
        for addr, op in requests:
            b.write(f"0x{addr:x} {op} 0\n")
            for off in range(0, size, 32):
                d.write(f"0x{addr + off:x} {op} 0\n")

def main(out):
    n = 8192
    write("seq64", [(i * 64, "READ") for i in range(n)], 64, out)
    x, rnd = 1, []
    for _ in range(n):
        x = lcg(x)
        rnd.append((((x >> 20) % (1 << 24)) * 64, "READ"))  # 64-byte blocks in 1 GiB
    write("rand64", rnd, 64, out)
    x, mix = 7, []
    for _ in range(n):
        x = lcg(x)
        mix.append((((x >> 20) % (1 << 24)) * 64, "WRITE" if (x >> 8) % 3 == 0 else "READ"))
    write("rand64rw", mix, 64, out)
    write("tile4k", [(i * 4096, "READ") for i in range(256)], 4096, out)
    write("tile4kw", [(i * 4096, "WRITE") for i in range(256)], 4096, out)

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
