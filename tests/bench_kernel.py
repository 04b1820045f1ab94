"""`make bench`: how long the installed kernel takes from start to its first results."""
import time

from jupyter_client.manager import start_new_kernel

CELLS = [
    ("first cell (1 + 1)", "1 + 1"),
    ("first ND4J result", "Nd4j.ones(2, 2).sumNumber()"),
    ("first DL4J network built", "new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()"
     ".layer(new OutputLayer.Builder().nIn(4).nOut(3).build()).build()).numParams()"),
    ("MNIST training set loaded", "Mnist.train().size()"),
]


def main():
    start = time.perf_counter()
    km, kc = start_new_kernel(kernel_name="tl4j", startup_timeout=120)
    try:
        print(f"{'kernel started (kernel_info answered)':64s} {time.perf_counter() - start:10.2f} s")
        for label, code in CELLS:
            reply = kc.execute_interactive(code, timeout=120, output_hook=lambda m: None)
            assert reply["content"]["status"] == "ok", reply["content"]
            print(f"{'kernel start to ' + label:64s} {time.perf_counter() - start:10.2f} s")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
