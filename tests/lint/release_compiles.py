#!/usr/bin/env python3
"""release_compiles.py BUILD_DIR SRC_DIR — every source file compiles as the
release build compiles it (make run, make bench): the test build defines
PS_TEST_HOOKS and sanitizers, so code that only compiles with them (an
include left inside an #ifdef PS_TEST_HOOKS block) passed every test and
broke `make run`. Takes the test build's own commands (compile_commands.json),
drops the hooks and the sanitizers, and compiles each at -O2 (-Werror, as the
release build; the output is thrown away), two at a time. Prints the failures; exit 1 on any."""
import json
import os
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor


def release_argv(entry):
    argv = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    out, skip = [], False
    for a in argv:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD") or a.startswith("-fsanitize") or a == "-fno-sanitize-recover=undefined":
            continue
        if a in ("-DPS_TEST_HOOKS=1", "-DPS_TEST_HOOKS"):
            continue
        out.append(a)
    # optimised, as the release build: some warnings (-Wformat-truncation,
    # -Wmaybe-uninitialized) come only with the optimiser
    return out + ["-O2", "-S", "-o", "/dev/null", "-UPS_TEST_HOOKS"]


def main():
    build, src = sys.argv[1], os.path.realpath(sys.argv[2])
    with open(os.path.join(build, "compile_commands.json")) as f:
        entries = json.load(f)
    seen, jobs = set(), []
    for e in entries:
        path = os.path.realpath(os.path.join(e["directory"], e["file"]))
        if not path.startswith(src + "/src/") or path in seen:
            continue
        seen.add(path)
        jobs.append((path, e["directory"], release_argv(e)))
    if not jobs:
        print("release_compiles: no source file in compile_commands.json")
        return 1

    def run(job):
        path, cwd, argv = job
        p = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
        return path, p.returncode, p.stderr

    bad = 0
    with ThreadPoolExecutor(max_workers=2) as ex:
        for path, rc, err in ex.map(run, jobs):
            if rc:
                bad += 1
                print(f"{os.path.relpath(path, src)} does not compile without PS_TEST_HOOKS:\n{err}")
    print(f"release_compiles: {len(jobs)} files, {bad} failing")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
