"""PyTorch's side of `make bench`'s side-by-side rounds (see bench_side_by_side.py).

The same networks as the course's DL4J ones (org.tl4j.zoo.Architectures, TextClassifier,
BenchWorker): layers, activations, initialisation (the LeNets and the text classifier start from
DL4J's very weights, which BenchWorker writes; the VGG from the same scheme, He normal and Xavier
normal, zero biases), Adam 1e-3 and batch 64 for images, Adam 1e-2 and batch 32 for texts,
inference batch 256, 2 threads, and the same data in the same order (the files BenchWorker
writes). Answers lines on standard input like BenchWorker: "warmup CASE" and "CASE", one epoch and
one pass over the test set per line; and "check CASE", the largest difference between its outputs
and DL4J's from the same starting weights.
Needs only torch (not in requirements.txt): `make bench PYTORCH_PYTHON=<a Python with torch>`.
"""
import sys
import time
import warnings
from pathlib import Path

warnings.filterwarnings("ignore", message="Failed to initialize NumPy")  # torch runs here without NumPy
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

TRAIN_BATCH, INFER_BATCH = 64, 256


def xavier(layers):
    for m in layers.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_normal_(m.weight)
            nn.init.zeros_(m.bias)
    return layers


def lenet(classes=5):
    return xavier(nn.Sequential(
        nn.Conv2d(1, 20, 5), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(20, 50, 5), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Flatten(), nn.Linear(800, 500), nn.ReLU(), nn.Linear(500, classes)))


def vgg(classes=5):
    def block(cin, cout):
        return [nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout, momentum=0.1, eps=1e-5), nn.ReLU()]

    net = nn.Sequential(*block(1, 16), *block(16, 16), nn.MaxPool2d(2, 2),
                        *block(16, 32), *block(32, 32), nn.MaxPool2d(2, 2),
                        nn.Flatten(), nn.Linear(32 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, classes))
    for m in net.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            nn.init.zeros_(m.bias)
    nn.init.xavier_normal_(net[-1].weight)
    return net


def frozen(classes=5):
    """LeNet's convolutional base frozen, its dense layer and a new output layer trained."""
    net = lenet(classes)
    for m in list(net)[:6]:
        m.requires_grad_(False)
    return net


class TextClassifier(nn.Module):
    """Lesson 8's classifier: each word's vector, averaged over the text's words (not its padding), softmax."""

    def __init__(self, words, dimensions=64, classes=5):
        super().__init__()
        self.embedding = nn.Embedding(words, dimensions)
        self.output = nn.Linear(dimensions, classes)

    def forward(self, x, mask):
        vectors = self.embedding(x) * mask.unsqueeze(2)
        return self.output(vectors.sum(1) / mask.sum(1, keepdim=True))


def text(words):
    return TextClassifier(words)


CASES = {"lenet": lenet, "vgg": vgg, "frozen": frozen, "text": text}
TEXT_CLASSES, TEXT_DIMENSIONS = 5, 64


class Case:
    def __init__(self, name, data):
        torch.manual_seed(1)
        params = data / f"{name}-params.f32"
        flat = torch.frombuffer(bytearray(params.read_bytes()), dtype=torch.float32) if params.exists() else None
        if name == "text":  # the vocabulary's size from the table's: words x 64, then the softmax layer
            self.net = text((len(flat) - TEXT_CLASSES * (TEXT_DIMENSIONS + 1)) // TEXT_DIMENSIONS)
        else:
            self.net = CASES[name]()
        self.batch = 32 if name == "text" else TRAIN_BATCH
        if flat is not None:  # the LeNets and the text classifier start from DL4J's weights
            with torch.no_grad():
                at = 0
                for p in self.net.parameters():
                    p.copy_(flat[at:at + p.numel()].reshape(p.shape))
                    at += p.numel()
            assert at == len(flat), f"{params}: {len(flat)} numbers for {at} parameters"
        self.x, self.y = load(data / f"{name}-train")
        self.tx, self.ty = load(data / f"{name}-test")
        self.loss = nn.CrossEntropyLoss()
        rate = 1e-2 if name == "text" else 1e-3
        self.opt = torch.optim.Adam([p for p in self.net.parameters() if p.requires_grad], rate)

    def step(self, i):
        self.net.train()
        self.opt.zero_grad()
        self.loss(self.net(*part(self.x, i, self.batch)), self.y[i:i + self.batch]).backward()
        self.opt.step()

    def check(self, data, name):
        """Largest difference between this network's class probabilities and DL4J's, first test batch."""
        expected = torch.frombuffer(bytearray((data / f"{name}-outputs.f32").read_bytes()), dtype=torch.float32)
        self.net.eval()
        with torch.no_grad():
            mine = torch.softmax(self.net(*part(self.tx, 0, INFER_BATCH)), 1).flatten()
        return float((mine - expected).abs().max())

    def warmup(self):
        for i in range(0, 10 * self.batch, self.batch):
            self.step(i)
        with torch.no_grad():
            self.net.eval()
            self.net(*part(self.tx, 0, INFER_BATCH))

    def round(self):
        t = time.perf_counter()
        for i in range(0, len(self.y), self.batch):
            self.step(i)
        train = len(self.y) / (time.perf_counter() - t)
        correct = 0
        self.net.eval()
        with torch.no_grad():
            t = time.perf_counter()
            for i in range(0, len(self.ty), INFER_BATCH):
                correct += int((self.net(*part(self.tx, i, INFER_BATCH)).argmax(1) == self.ty[i:i + INFER_BATCH]).sum())
            infer = len(self.ty) / (time.perf_counter() - t)
        return train, infer, correct / len(self.ty)


def part(inputs, i, n):
    """Rows i..i+n of each input (images; or texts and their masks)."""
    return [x[i:i + n] for x in inputs]


def floats(path):
    return torch.frombuffer(bytearray(Path(path).read_bytes()), dtype=torch.float32)


def load(stem):
    """The inputs (images [n, 1, 28, 28]; or word indices [n, words] and their mask) and the labels."""
    y = torch.frombuffer(bytearray(Path(f"{stem}.u8").read_bytes()), dtype=torch.uint8).long()
    x = floats(f"{stem}.f32")
    if Path(f"{stem}.mask.f32").exists():
        mask = floats(f"{stem}.mask.f32").reshape(len(y), -1)
        return [x.reshape(len(y), -1).long(), mask], y
    return [x.reshape(-1, 1, 28, 28)], y


def main():
    torch.set_num_threads(2)
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "build/bench/data")
    cases = {}
    print(f"ready PyTorch {torch.__version__}, threads {torch.get_num_threads()}", flush=True)
    for line in sys.stdin:
        words = line.split()
        command = words[0] if words[0] in ("warmup", "check") else "round"
        name = words[-1]
        if name not in CASES:
            print(f"error: no case '{name}'; cases {list(CASES)}", flush=True)
            continue
        if name not in cases:
            cases[name] = Case(name, data)
        case = cases[name]
        if command == "check":
            print(f"same {name} {case.check(data, name):.2e}", flush=True)
        elif command == "warmup":
            case.warmup()
            print("warm", flush=True)
        else:
            train, infer, accuracy = case.round()
            print(f"{name} {train:.1f} {infer:.1f} {accuracy:.4f}", flush=True)


if __name__ == "__main__":
    main()
