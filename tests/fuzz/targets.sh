# targets.sh — sourced by build.sh, smoke.sh, run.sh and coverage.sh: the
# fuzz targets are the files fuzz_*.c of this directory (ctest globs the
# same), so a new target is one new file and its seed corpus.
mapfile -t TARGETS < <(cd "$(dirname "${BASH_SOURCE[0]}")" && ls fuzz_*.c | sed 's/\.c$//')
