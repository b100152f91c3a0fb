import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@link Compare}'s report: a line per phase and gateway as it ends, then the comparison as
 * Markdown tables (as docs/performance.md records them) and issue 4's targets row by row.
 */
final class CompareReport {

    /** Issue 4's target: at least this many times less gateway CPU per 4 KiB request. */
    static final double CPU_TARGET = 5.0;

    /** One 4 KiB phase of one target. */
    record Row(String target, Bench.PhaseResult result, Compare.Cpu cpu) {
        static final String HEADER = String.format("%-10s %-10s %5s %9s %6s %9s %8s %8s %15s %10s %10s %10s %8s %s",
                "target", "phase", "conc", "requests", "errors", "ops/s", "p50 ms", "p99 ms", "gw ms/req (sys)",
                "stor ms/req", "mc ms/req", "bench ms/req", "gw rss", "foreign cpu");

        double opsPerSecond() {
            return result.requests() / result.seconds();
        }

        double perRequest(double millis) {
            return result.requests() == 0 ? Double.NaN : millis / result.requests();
        }

        String line() {
            Bench.PhaseResult r = result;
            return String.format(Locale.ROOT, "%-10s %-10s %5d %9d %6d %9.0f %8.2f %8.2f %8.3f (%3.0f%%)"
                    + " %10.3f %10.3f %10.3f %8s %.0f%%",
                    target, r.name(), r.concurrency(), r.requests(), r.errors(), opsPerSecond(), r.p50ms(),
                    r.p99ms(), perRequest(cpu.gatewayMs()), cpu.gatewaySystemPercent(), perRequest(cpu.storageMs()),
                    perRequest(cpu.memcachedMs()), perRequest(cpu.benchMs()), r.usage().rssEndKb() / 1024 + "MiB",
                    cpu.foreignPercent());
        }
    }

    /** One big-object transfer of one target. */
    record BigRow(String target, String phase, Bench.BigTransfer.Result transfer, Compare.Cpu cpu) {
        static final String HEADER = String.format("%-10s %-10s %9s %8s %8s %14s %9s %9s %8s %s", "target", "phase",
                "bytes", "seconds", "MB/s", "gw cpu s (sys)", "stor s", "mc s", "bench s", "foreign cpu");

        double megabytesPerSecond() {
            return transfer.bytes() / transfer.seconds() / 1e6;
        }

        String verdict() {
            return transfer.ok() ? "ok" : "FAILED";
        }

        String line() {
            return String.format(Locale.ROOT, "%-10s %-10s %9s %8.2f %8.1f %7.2f (%3.0f%%) %9.2f %9.2f %8.2f %.0f%%%s",
                    target, phase, Bench.Sizes.human(transfer.bytes()), transfer.seconds(), megabytesPerSecond(),
                    cpu.gatewayMs() / 1000, cpu.gatewaySystemPercent(), cpu.storageMs() / 1000,
                    cpu.memcachedMs() / 1000, cpu.benchMs() / 1000, cpu.foreignPercent(),
                    transfer.ok() ? "  md5 ok" : "  FAILED");
        }
    }

    /**
     * The comparison as Markdown tables (as docs/performance.md records them). Every ratio reads
     * "times better for the candidate": ops/s and MB/s candidate/reference, p99 and gateway CPU
     * reference/candidate.
     */
    record Summary(String ref, String cand, List<Row> rows, List<BigRow> bigRows, Goal goal) {

        void print() {
            System.out.println();
            if (!rows.isEmpty()) {
                small();
            }
            if (!bigRows.isEmpty()) {
                big();
            }
            if (goal == Goal.FORWARDING) {
                forwarding();
            } else {
                targets();
            }
        }

        /**
         * Issue 5's targets for the candidate forwarding to the reference: p50 at most 10 % over
         * the direct one, and at least 90 % of its throughput (ops/s, MB/s), row by row.
         */
        private void forwarding() {
            List<String> latencyMisses = new ArrayList<>();
            List<String> speedMisses = new ArrayList<>();
            int latencyRows = 0;
            int speedRows = 0;
            System.out.printf("| phase | conc | %1$s p50 ms | %2$s p50 ms | p50 %2$s/%1$s | ops/s %2$s/%1$s |%n", ref,
                    cand);
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
            for (Row r : rows) {
                Row c = r.target().equals(ref) ? match(r) : null;
                if (c == null) {
                    continue;
                }
                double p50 = c.result().p50ms() / r.result().p50ms();
                double ops = c.opsPerSecond() / r.opsPerSecond();
                System.out.println(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |",
                        r.result().name(), r.result().concurrency(), r.result().p50ms(), c.result().p50ms(), p50, ops));
                String where = r.result().name() + " at " + r.result().concurrency();
                latencyRows++;
                speedRows++;
                if (!(p50 <= 1.10)) {
                    latencyMisses.add(String.format(Locale.ROOT, "%s %.2fx", where, p50));
                }
                if (!(ops >= 0.90)) {
                    speedMisses.add(String.format(Locale.ROOT, "%s %.2fx", where, ops));
                }
            }
            speedRows += bigSpeedMisses(0.90, speedMisses);
            System.out.println();
            System.out.printf("# target: p50 through %s at most 10 %% over %s: %s%n", cand, ref,
                    verdict(latencyRows, latencyMisses));
            System.out.printf("# target: at least 90 %% of %s's throughput through %s (ops/s, MB/s): %s%n", ref, cand,
                    verdict(speedRows, speedMisses));
        }

        private void small() {
            System.out.printf("| phase | conc | %1$s ops/s | %2$s ops/s | ops/s %2$s/%1$s | %1$s p99 ms | %2$s p99 ms"
                    + " | p99 %1$s/%2$s | %1$s gw ms/req | %2$s gw ms/req | gw cpu %1$s/%2$s"
                    + " | of which JIT ms/req %1$s, %2$s"
                    + " | storage ms/req %1$s, %2$s | foreign cpu %1$s, %2$s | errors %1$s, %2$s |%n", ref, cand);
            System.out.println("| --- " + "| ---: ".repeat(14) + "|");
            for (Row r : rows) {
                if (!r.target().equals(ref)) {
                    continue;
                }
                Row c = match(r);
                if (c == null) {
                    continue;
                }
                System.out.println(String.format(Locale.ROOT,
                        "| %s | %d | %.0f | %.0f | %.2f | %.1f | %.1f | %.2f | %.2f | %.2f | %.2f | %.3f, %.3f"
                                + " | %.2f, %.2f | %.0f %%, %.0f %% | %d, %d |",
                        r.result().name(), r.result().concurrency(), r.opsPerSecond(), c.opsPerSecond(),
                        c.opsPerSecond() / r.opsPerSecond(), r.result().p99ms(), c.result().p99ms(),
                        r.result().p99ms() / c.result().p99ms(), r.perRequest(r.cpu().gatewayMs()),
                        c.perRequest(c.cpu().gatewayMs()), cpuRatio(r, c),
                        r.perRequest(r.cpu().gatewayJitMs()), c.perRequest(c.cpu().gatewayJitMs()),
                        r.perRequest(r.cpu().storageMs()), c.perRequest(c.cpu().storageMs()),
                        r.cpu().foreignPercent(), c.cpu().foreignPercent(), r.result().errors(), c.result().errors()));
            }
            System.out.println();
        }

        /** Every big phase either target ran; a side that failed or did not run shows "-" in the ratios. */
        private void big() {
            System.out.printf("| phase | %1$s MB/s | %2$s MB/s | MB/s %2$s/%1$s | %1$s gw cpu s | %2$s gw cpu s"
                    + " | gw cpu %1$s/%2$s | storage cpu s %1$s, %2$s | foreign cpu %1$s, %2$s | md5 %1$s, %2$s |%n",
                    ref, cand);
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            bigRows.stream()
                    .map(BigRow::phase)
                    .distinct()
                    .forEach(phase -> {
                        BigRow r = bigRow(ref, phase);
                        BigRow c = bigRow(cand, phase);
                        boolean both = r != null && c != null && r.transfer().ok() && c.transfer().ok();
                        System.out.println("| " + phase
                                + " | " + cell(r, x -> String.format(Locale.ROOT, "%.1f", x.megabytesPerSecond()))
                                + " | " + cell(c, x -> String.format(Locale.ROOT, "%.1f", x.megabytesPerSecond()))
                                + " | " + (both ? String.format(Locale.ROOT, "%.2f",
                                        c.megabytesPerSecond() / r.megabytesPerSecond()) : "-")
                                + " | " + cell(r, x -> String.format(Locale.ROOT, "%.2f", x.cpu().gatewayMs() / 1000))
                                + " | " + cell(c, x -> String.format(Locale.ROOT, "%.2f", x.cpu().gatewayMs() / 1000))
                                + " | " + (both ? String.format(Locale.ROOT, "%.2f",
                                        r.cpu().gatewayMs() / c.cpu().gatewayMs()) : "-")
                                + " | " + cell(r, x -> String.format(Locale.ROOT, "%.2f", x.cpu().storageMs() / 1000))
                                + ", " + cell(c, x -> String.format(Locale.ROOT, "%.2f", x.cpu().storageMs() / 1000))
                                + " | " + cell(r, x -> String.format(Locale.ROOT, "%.0f %%", x.cpu().foreignPercent()))
                                + ", " + cell(c, x -> String.format(Locale.ROOT, "%.0f %%", x.cpu().foreignPercent()))
                                + " | " + cell(r, BigRow::verdict) + ", " + cell(c, BigRow::verdict) + " |");
                    });
            System.out.println();
        }

        private static String cell(BigRow row, Function<BigRow, String> format) {
            return row == null ? "-" : format.apply(row);
        }

        private BigRow bigRow(String target, String phase) {
            return bigRows.stream()
                    .filter(b -> b.target().equals(target) && b.phase().equals(phase))
                    .findFirst()
                    .orElse(null);
        }

        /** Issue 4's targets, row by row: met or not, and the worst row. */
        private void targets() {
            List<String> cpuMisses = new ArrayList<>();
            List<String> speedMisses = new ArrayList<>();
            int cpuRows = 0;
            int speedRows = 0;
            for (Row r : rows) {
                if (!r.target().equals(ref)) {
                    continue;
                }
                Row c = match(r);
                String where = r.result().name() + " at " + r.result().concurrency();
                cpuRows++;
                speedRows++;
                if (c == null) {
                    cpuMisses.add(where + " not run");
                    speedMisses.add(where + " not run");
                    continue;
                }
                double cpu = cpuRatio(r, c);
                double ops = c.opsPerSecond() / r.opsPerSecond();
                if (!(cpu >= CPU_TARGET)) {
                    cpuMisses.add(String.format(Locale.ROOT, "%s %.2fx", where, cpu));
                }
                if (!(ops >= 1)) {
                    speedMisses.add(String.format(Locale.ROOT, "%s %.2fx", where, ops));
                }
            }
            speedRows += bigSpeedMisses(1, speedMisses);
            System.out.printf(Locale.ROOT, "# target: %.0fx less gateway CPU per 4 KiB request than %s: %s%n",
                    CPU_TARGET, ref, verdict(cpuRows, cpuMisses));
            System.out.printf("# target: no less throughput than %s (ops/s and MB/s ratio >= 1): %s%n", ref,
                    verdict(speedRows, speedMisses));
        }

        /** Adds to {@code misses} each big phase whose MB/s ratio is under {@code atLeast}; the phases checked. */
        private int bigSpeedMisses(double atLeast, List<String> misses) {
            int checked = 0;
            for (BigRow r : bigRows) {
                if (!r.target().equals(ref)) {
                    continue;
                }
                BigRow c = bigRow(cand, r.phase());
                checked++;
                if (c == null || !c.transfer().ok()) {
                    misses.add(r.phase() + " " + (c == null ? "not run" : "failed"));
                    continue;
                }
                double ratio = c.megabytesPerSecond() / r.megabytesPerSecond();
                if (!(ratio >= atLeast)) {
                    misses.add(String.format(Locale.ROOT, "%s %.2fx", r.phase(), ratio));
                }
            }
            return checked;
        }

        private static String verdict(int rows, List<String> misses) {
            if (rows == 0) {
                return "not measured";
            }
            return misses.isEmpty() ? "met in all " + rows + " rows"
                    : "met in " + (rows - misses.size()) + " of " + rows + " rows; not in " + String.join(", ", misses);
        }

        private static double cpuRatio(Row r, Row c) {
            return r.perRequest(r.cpu().gatewayMs()) / c.perRequest(c.cpu().gatewayMs());
        }

        private Row match(Row r) {
            return rows.stream()
                    .filter(c -> c.target().equals(cand))
                    .filter(c -> c.result().name().equals(r.result().name()))
                    .filter(c -> c.result().concurrency() == r.result().concurrency())
                    .findFirst()
                    .orElse(null);
        }

    }

    /** Which targets a comparison checks. */
    enum Goal {
        /** Issue 4: a proxy against Swift's, over the same storage nodes. */
        PROXY,
        /** Issue 5: a gateway forwarding to a target against the target itself. */
        FORWARDING
    }

    private CompareReport() {
    }
}
