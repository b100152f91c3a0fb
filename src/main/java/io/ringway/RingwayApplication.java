package io.ringway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Ringway: the gateway and, unless configured otherwise, its embedded storage node. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RingwayApplication {

    public static void main(String[] args) {
        SpringApplication.run(RingwayApplication.class, args);
    }
}
