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
}
