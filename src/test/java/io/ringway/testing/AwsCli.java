package io.ringway.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's {@code aws} command (awscli) against an S3 endpoint: the remote's own client, to check
 * what the gateway wrote there and to write there behind the gateway's back.
 */
public final class AwsCli {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;

    public AwsCli(URI endpoint, String accessKey, String secretKey) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** What a run printed and how it exited. */
    public record Result(int exitCode, String out, String err) {

        /** The output as JSON; fails the test when the run failed. */
        public JsonNode json() {
            if (exitCode != 0) {
                throw new AssertionError("aws failed (" + exitCode + "): " + err + out);
            }
            return JSON.readTree(out.isBlank() ? "{}" : out);
        }
    }

    /** Runs {@code aws --endpoint-url <endpoint> <args>}, within a minute. */
    public Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        // Debian's package, not a shim of another Python's that may lack it.
        command.add(Files.isExecutable(Path.of("/usr/bin/aws")) ? "/usr/bin/aws" : "aws");
        command.add("--endpoint-url");
        command.add(endpoint.toString());
        command.add("--output");
        command.add("json");
        command.addAll(List.of(args));
        Path out = Files.createTempFile("ringway-aws-", ".out");
        Path err = Files.createTempFile("ringway-aws-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
            builder.environment().put("AWS_ACCESS_KEY_ID", accessKey);
            builder.environment().put("AWS_SECRET_ACCESS_KEY", secretKey);
            builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
            builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
            builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
            builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
            builder.environment().put("AWS_PAGER", "");
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("aws " + String.join(" ", args) + " did not finish in a minute");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
