#!/bin/sh
# Prints the ND4J native build for this machine: the oneDNN/AVX2 build where the CPU has AVX2.
os=$(uname -s); arch=$(uname -m)
case "$os-$arch" in
  Linux-x86_64)
    if grep -qw avx2 /proc/cpuinfo 2>/dev/null; then echo linux-x86_64-onednn-avx2; else echo linux-x86_64; fi ;;
  Linux-aarch64) echo linux-arm64 ;;
  Darwin-arm64) echo macosx-arm64 ;;
  Darwin-x86_64) echo macosx-x86_64 ;;
  *) echo "natives.sh: no ND4J build known for $os-$arch" >&2; echo linux-x86_64 ;;
esac
