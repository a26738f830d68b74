package io.github.rltrading.benchmarks;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.env.data.LoadedBars;
import io.github.rltrading.env.data.Nt8Loader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads a NinjaTrader export of 10 million 1-minute bars (written first) and prints the time and
 * the peak heap. Run it with a small heap to show that memory stays bounded by the primitive
 * columns (48 bytes a bar):
 *
 * <pre>{@code
 * bin/mvn -q -pl benchmarks exec:exec -Dexec.executable=... (see docs/benchmarks.md)
 * }</pre>
 */
public final class LargeLoadCheck {

    private LargeLoadCheck() {}

    public static void main(String[] args) throws IOException {
        int bars = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        Path file = Files.createTempFile("nt8-large", ".txt");
        try {
            System.out.printf(Locale.ROOT, "writing %,d bars to %s%n", bars, file);
            BenchData.writeNt8(BenchData.minutes(bars, 1), file);
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long t0 = System.nanoTime();
            LoadedBars loaded = Nt8Loader.minute(file, LoadOptions.DEFAULTS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            BarSeries s = loaded.series();
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.gc();
            long retained = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf(Locale.ROOT, "loaded %,d bars (%,d bytes of file) in %.2f s = %,.0f lines/s%n", s.size(),
                    Files.size(file), seconds, s.size() / seconds);
            System.out.printf(Locale.ROOT, "max heap %,d MB, peak heap use %,d MB, retained after load %,d MB (%.1f bytes/bar)%n",
                    Runtime.getRuntime().maxMemory() >> 20, peak >> 20, retained >> 20, (double) retained / s.size());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
