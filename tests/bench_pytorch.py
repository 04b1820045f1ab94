"""`make bench PYTORCH_PYTHON=<a Python with torch>`: the bench's LeNet in PyTorch on this machine.

Not part of the course's set-up (PyTorch is not in requirements.txt): run it with any Python that has
torch to compare DL4J with PyTorch on the same machine, same model, batch sizes and thread count.
Prints PyTorch's examples/s and the ratio to the DL4J figures in build/bench/lenet.txt.
"""
import sys
import time

import torch
import torch.nn as nn

TRAIN, INFER, PASSES = 3200, 3200, 5


def lenet():
    return nn.Sequential(nn.Conv2d(1, 20, 5), nn.MaxPool2d(2, 2), nn.Conv2d(20, 50, 5), nn.MaxPool2d(2, 2),
                         nn.Flatten(), nn.Linear(800, 500), nn.ReLU(), nn.Linear(500, 10))


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


def main():
    torch.set_num_threads(2)
    torch.manual_seed(1)
    net, loss = lenet(), nn.CrossEntropyLoss()
    opt = torch.optim.Adam(net.parameters(), 1e-3)
    x, y = torch.rand(TRAIN, 1, 28, 28), torch.randint(0, 10, (TRAIN,))

    def step(i):
        opt.zero_grad()
        loss(net(x[i:i + 64]), y[i:i + 64]).backward()
        opt.step()

    for i in range(0, 320, 64):
        step(i)
    train = []
    for _ in range(PASSES):
        t = time.perf_counter()
        for i in range(0, TRAIN, 64):
            step(i)
        train.append(TRAIN / (time.perf_counter() - t))
    infer = []
    with torch.no_grad():
        net(x[:256])
        for _ in range(PASSES):
            t = time.perf_counter()
            for i in range(0, INFER, 256):
                net(x[i:i + 256])
            infer.append(INFER / (time.perf_counter() - t))
    pt = {"train": median(train), "infer": median(infer)}
    print(f"{'PyTorch ' + torch.__version__ + ' LeNet, 2 threads: training, batch 64, Adam':72s} {pt['train']:10.2f} examples/s")
    print(f"{'PyTorch ' + torch.__version__ + ' LeNet, 2 threads: inference, batch 256':72s} {pt['infer']:10.2f} examples/s")
    if len(sys.argv) > 1:
        dl4j = dict(line.split() for line in open(sys.argv[1]) if line.strip())
        for k in ("train", "infer"):
            print(f"{'LeNet after / PyTorch on this machine (' + k + ')':72s} {float(dl4j[k]) / pt[k]:10.2f} x")


if __name__ == "__main__":
    main()
