"""`make bench`: DL4J (the course's fast path) and PyTorch side by side, alternated in one run.

Each case (the course's LeNet, its small VGG with batch normalisation, LeNet's frozen base with a
new head on real MNIST; lesson 8's text classifier on WordNet definitions) trains one epoch and
classifies the test set once per round, in DL4J
(org.tl4j.tools.BenchWorker) and in PyTorch (bench_pytorch.py), the two taking turns, first one
then the other: the machine's speed drifts between runs and within one, so only figures of the
same rounds are compared. Prints each figure's median and range over the rounds, and the ratio
DL4J / PyTorch of each round (median and range). Without --pytorch, DL4J's figures alone.
"""
import argparse
import os
import shlex
import statistics
import subprocess
import sys


class Worker:
    def __init__(self, name, command, env):
        self.name = name
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
        self.banner = self.expect("ready")

    def expect(self, start):
        while True:
            line = self.proc.stdout.readline()
            if not line:
                sys.exit(f"{self.name} stopped before answering (exit code {self.proc.wait()})")
            if line.startswith(start):
                return line.strip()
            if line.startswith("error"):
                sys.exit(f"{self.name}: {line.strip()}")

    def ask(self, line, answer):
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self.expect(answer)

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def spread(values):
    return f"{statistics.median(values):9.1f} ({min(values):.1f}-{max(values):.1f})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--java", required=True, help="command that starts org.tl4j.tools.BenchWorker")
    ap.add_argument("--pytorch", default="", help="a Python with torch")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--cases", default="lenet,vgg,frozen,text")
    ap.add_argument("--data", default="build/bench/data")
    ap.add_argument("--examples", type=int, default=0, help="at most so many training images per epoch (0: all)")
    args = ap.parse_args()
    cases = args.cases.split(",")

    dl4j = Worker("DL4J", shlex.split(args.java) + [args.data] + ([str(args.examples)] if args.examples else []),
                  os.environ.copy())
    workers = [dl4j]
    if args.pytorch:
        env = os.environ.copy()
        env.pop("OMP_WAIT_POLICY", None)  # PyTorch as pip installs it: its own OpenMP defaults
        workers.append(Worker("PyTorch", [args.pytorch, os.path.join(os.path.dirname(__file__), "bench_pytorch.py"),
                                          args.data], env))
    for w in workers:
        print(f"{w.name}: {w.banner[len('ready '):]}")
    print(f"{args.rounds} rounds, the two taking turns (first DL4J, then PyTorch, then the other way round); "
          "examples/s as median (range)")
    figures = {(w.name, c): [] for w in workers for c in cases}
    for c in cases:
        if args.pytorch and os.path.exists(os.path.join(args.data, f"{c}-outputs.f32")):
            diff = workers[1].ask(f"check {c}", "same").split()[-1]
            print(f"{c}: the same network in both, from the same weights: class probabilities on 256 test "
                  f"examples differ by at most {diff}")
        for w in workers:
            w.ask(f"warmup {c}", "warm")
        for r in range(args.rounds):
            for w in (workers if r % 2 == 0 else workers[::-1]):
                _, train, infer, accuracy = w.ask(c, c + " ").split()
                figures[(w.name, c)].append((float(train), float(infer), float(accuracy)))
                print(f"  round {r + 1} {c:7s} {w.name:8s} training {float(train):9.1f}   inference {float(infer):9.1f}",
                      flush=True)
    for w in workers:
        w.close()

    for c in cases:
        for w in workers:
            f = figures[(w.name, c)]
            print(f"{c:7s} {w.name:8s} training {spread([x[0] for x in f])}   inference {spread([x[1] for x in f])}"
                  f"   test accuracy after the last round {100 * f[-1][2]:.2f}%")
        if args.pytorch:
            d, p = figures[("DL4J", c)], figures[("PyTorch", c)]
            tr = [a[0] / b[0] for a, b in zip(d, p)]
            inf = [a[1] / b[1] for a, b in zip(d, p)]
            print(f"{c:7s} DL4J / PyTorch, round by round: training {statistics.median(tr):.2f}x "
                  f"({min(tr):.2f}-{max(tr):.2f}), inference {statistics.median(inf):.2f}x ({min(inf):.2f}-{max(inf):.2f})")
    if not args.pytorch:
        print("(make bench PYTORCH_PYTHON=<a Python with torch> runs the same cases in PyTorch, alternated)")


if __name__ == "__main__":
    main()
