package io.ringway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import reactor.netty.ReactorNetty;

/** Starts Ringway: the gateway and, unless configured otherwise, its embedded storage node. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RingwayApplication {

    public static void main(String[] args) {
        defaultIoWorkers();
        defaultPooledBuffers();
        SpringApplication.run(RingwayApplication.class, args);
    }

    /**
     * One event loop per core unless {@code -Dreactor.netty.ioWorkerCount} says otherwise. Reactor
     * Netty's default is at least 4, a margin for code that blocks its loops; Ringway never does
     * (its tests fail on a blocking call there), so on a small machine the extra loops only add
     * thread switches: on a busy 2-core machine, 2 loops cost the gateway less CPU per small
     * request than 4 in each of two pairs of runs (see the commit that added this).
     */
    private static void defaultIoWorkers() {
        if (System.getProperty(ReactorNetty.IO_WORKER_COUNT) == null) {
            System.setProperty(ReactorNetty.IO_WORKER_COUNT,
                    Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
    }

    /**
     * Netty's pooled allocator unless {@code -Dio.netty.allocator.type} says otherwise. Netty 4.2's
     * default, the adaptive allocator, judges memory by the heap alone: at 512 MiB of heap or less
     * (Ringway runs at 256 MiB) it goes into a low-memory mode that does not pool buffers over
     * 16 KiB, so every 64 KiB read of a streamed body is a fresh {@code allocateDirect}, zero-filled
     * and freed again. Ringway's buffers are direct memory, not heap, and a relay reads thousands
     * of them per GiB: warm 1 GiB GETs cost the gateway about 0.43 s of CPU with that mode, 0.39 s
     * with the adaptive allocator out of it and 0.35 s with the pooled one (see the commit that
     * added this), at the same resident memory.
     */
    private static void defaultPooledBuffers() {
        if (System.getProperty("io.netty.allocator.type") == null) {
            System.setProperty("io.netty.allocator.type", "pooled");
        }
    }
}
