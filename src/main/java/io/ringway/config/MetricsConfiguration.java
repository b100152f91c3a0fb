package io.ringway.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the Prometheus exposition within Prometheus' naming rules ({@code promtool check metrics}
 * finds nothing): three of Micrometer's JVM meters break them, so they are replaced. CPU time is
 * exposed in seconds as {@code process_cpu_seconds_total}, the name Prometheus' own clients use.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /** Counters in ms or ns: their names would end {@code _ms_total}, {@code _ns_total}. */
    private static final Set<String> ABBREVIATED_UNITS = Set.of("jvm.compilation.time", "process.cpu.time");

    @Bean
    MeterFilter prometheusNamingRules() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return ABBREVIATED_UNITS.contains(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                // a gauge whose name ends in _count reads as a histogram's or summary's count
                return "system.cpu.count".equals(id.getName()) ? id.withName("system.cpus") : id;
            }
        };
    }

    /** The process' CPU time in seconds, where the JVM tells it. */
    @Bean
    MeterBinder processCpuSeconds() {
        return registry -> {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean hotspot && hotspot.getProcessCpuTime() >= 0) {
                FunctionCounter.builder("process.cpu", hotspot, bean -> bean.getProcessCpuTime() / 1e9)
                        .description("CPU time used by the process")
                        .baseUnit("seconds")
                        .register(registry);
            }
        };
    }
}
